package io.closeloop.rules;

/**
 * One rule file's text and the name it is reported under (a path relative to the rules
 * root).
 */
public record RuleSource(String name, String content) {

}
