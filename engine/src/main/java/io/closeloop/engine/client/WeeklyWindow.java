package io.closeloop.engine.client;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly time window such as {@code SAT 22:00-SUN 06:00} or
 * {@code MON-FRI 08:00-18:00}, in the client's time zone. A window may run past midnight
 * and past the end of the week.
 */
record WeeklyWindow(DayOfWeek fromDay, DayOfWeek toDay, LocalTime start, LocalTime end, boolean daily) {

	private static final int MINUTES_PER_WEEK = 7 * 24 * 60;

	/** {@code DAY HH:MM-DAY HH:MM}: one span across days. */
	private static final Pattern SPAN = Pattern
		.compile("([A-Z]{3})\\s+(\\d{1,2}:\\d{2})\\s*-\\s*([A-Z]{3})\\s+(\\d{1,2}:\\d{2})");

	/** {@code DAY[-DAY] HH:MM-HH:MM}: the same hours on each day of a range. */
	private static final Pattern DAILY = Pattern
		.compile("([A-Z]{3})(?:\\s*-\\s*([A-Z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

	static WeeklyWindow parse(String text) {
		String value = text.trim().toUpperCase(Locale.ROOT);
		try {
			Matcher span = SPAN.matcher(value);
			if (span.matches()) {
				return new WeeklyWindow(day(span.group(1)), day(span.group(3)), time(span.group(2)),
						time(span.group(4)), false);
			}
			Matcher daily = DAILY.matcher(value);
			if (daily.matches()) {
				DayOfWeek from = day(daily.group(1));
				DayOfWeek to = (daily.group(2) != null) ? day(daily.group(2)) : from;
				return new WeeklyWindow(from, to, time(daily.group(3)), time(daily.group(4)), true);
			}
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a weekly window: '" + text + "' (" + ex.getMessage() + ")", ex);
		}
		throw new IllegalArgumentException(
				"Not a weekly window: '" + text + "'; write e.g. 'SAT 22:00-SUN 06:00' or 'MON-FRI 08:00-18:00'");
	}

	boolean contains(ZonedDateTime at) {
		if (this.daily) {
			return dayInRange(at.getDayOfWeek()) && within(minuteOfDay(at), minutes(this.start), minutes(this.end))
					|| this.end.isBefore(this.start) && dayInRange(at.getDayOfWeek().minus(1))
							&& minuteOfDay(at) < minutes(this.end);
		}
		int from = minuteOfWeek(this.fromDay, this.start);
		int to = minuteOfWeek(this.toDay, this.end);
		int now = minuteOfWeek(at.getDayOfWeek(), at.toLocalTime());
		return (from <= to) ? (now >= from && now < to) : (now >= from || now < to);
	}

	private boolean dayInRange(DayOfWeek day) {
		int from = this.fromDay.getValue();
		int to = this.toDay.getValue();
		int value = day.getValue();
		return (from <= to) ? (value >= from && value <= to) : (value >= from || value <= to);
	}

	private static boolean within(int minute, int from, int to) {
		return (from <= to) ? (minute >= from && minute < to) : (minute >= from);
	}

	private static int minuteOfDay(ZonedDateTime at) {
		return at.getHour() * 60 + at.getMinute();
	}

	private static int minutes(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	private static int minuteOfWeek(DayOfWeek day, LocalTime time) {
		return ((day.getValue() - 1) * 24 * 60 + minutes(time)) % MINUTES_PER_WEEK;
	}

	private static DayOfWeek day(String abbreviation) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(abbreviation)) {
				return day;
			}
		}
		throw new IllegalArgumentException("unknown day " + abbreviation);
	}

	private static LocalTime time(String value) {
		return LocalTime.parse((value.length() == 4) ? "0" + value : value);
	}

}
