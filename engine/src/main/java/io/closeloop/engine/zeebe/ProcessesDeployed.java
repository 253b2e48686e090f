package io.closeloop.engine.zeebe;

import java.util.List;

/** Published when the engine now answering has the processes (again). */
public record ProcessesDeployed(List<String> resources) {

}
