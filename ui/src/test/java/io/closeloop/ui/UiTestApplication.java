package io.closeloop.ui;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The UI module alone, for its slice tests; the engine module is the real application.
 */
@SpringBootApplication
class UiTestApplication {

}
