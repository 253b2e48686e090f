package io.closeloop.workers.connector;

import java.util.regex.Pattern;

/**
 * A page in a documentation system that bears on an alert.
 *
 * @param kind what it documents: {@code organization}, {@code configuration},
 * {@code asset}, {@code article}, {@code procedure}...
 * @param title its title
 * @param url where a technician opens it
 * @param snippet a short plain-text excerpt, or null
 */
public record DocumentationLink(String kind, String title, String url, String snippet) {

	/** Snippets are kept to about a line of a ticket note. */
	public static final int SNIPPET_MAX = 200;

	private static final Pattern TAGS = Pattern.compile("<[^>]*>");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	/**
	 * A short plain-text excerpt of a vendor's text, which is often HTML: tags removed,
	 * the common entities decoded, white space collapsed, cut to {@link #SNIPPET_MAX}.
	 * Null when nothing is left.
	 */
	public static String snippet(String text) {
		if (text == null) {
			return null;
		}
		String plain = TAGS.matcher(text)
			.replaceAll(" ")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		plain = SPACE.matcher(plain).replaceAll(" ").strip();
		if (plain.isEmpty()) {
			return null;
		}
		return (plain.length() <= SNIPPET_MAX) ? plain : plain.substring(0, SNIPPET_MAX - 1) + "…";
	}

}
