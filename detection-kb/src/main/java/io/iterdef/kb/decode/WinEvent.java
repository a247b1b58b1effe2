package io.iterdef.kb.decode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Windows event as every shipper format carries it, before the ECS mapping: the System part of the event
 * (provider, id, channel, computer, record, time, execution, security) and its EventData, untouched. Each format
 * decoder (NXLog JSON, flattened JSON, Winlogbeat, Windows XML, ...) fills one of these per record; the ECS
 * mapper ({@link io.iterdef.kb.decode.ecs.EcsMapper}) turns it into an {@link io.iterdef.kb.event.Event}, so an
 * event id is mapped the same way whatever the shipper. Shipper quirks are fixed by the format decoder (time zones,
 * field collisions, hex padding stays in the values: mappings normalise numbers with {@code Hex}).
 */
public final class WinEvent {

	/** event.id: SHA-1 hex of the raw record (trimmed), so replays are idempotent. */
	public String id;

	/** The shipper format that carried it, e.g. "nxlog-json", "winlogbeat", "windows-xml"; recorded as iterdef.format. */
	public String format;

	/** Provider name (System/Provider/@Name), e.g. "Microsoft-Windows-Sysmon", "EMET". */
	public String provider;

	public String providerGuid;

	/** Windows event id (System/EventID), without qualifiers. */
	public int eventId;

	/** Channel as Windows spells it ("Security", "Microsoft-Windows-Sysmon/Operational"), canonical case. */
	public String channel;

	/** Computer name as sent (FQDN or short); host.name is its lower-case form. */
	public String computer;

	public Long recordId;

	/** Event time in UTC; never null once decoded. */
	public Instant timestamp;

	/** Level as text ("Information", "Warning", ...) or number as text. */
	public String level;

	public Integer version;

	public String task;

	public String opcode;

	/** System/Correlation/@ActivityID, e.g. "{8E3C2F01-59A1-0004-4D2F-3C8EA159DD01}". */
	public String activityId;

	/** Keywords as sent (hex "0x8020000000000000", a signed decimal, or names). */
	public String keywords;

	public Long processId;

	public Long threadId;

	/** System/Security/@UserID and what the shipper resolved it to. */
	public String userSid;

	public String userName;

	public String userDomain;

	public String userType;

	/** The rendered message, when the shipper sent one. */
	public String message;

	/** EventData (and UserData) fields by name, values untouched (strings), in document order (sized for most). */
	public final Map<String, String> eventData = new LinkedHashMap<>(64);

	/** EventData values without a Name (classic providers such as EMET: one unnamed Data with the whole text). */
	public final List<String> unnamedData = new ArrayList<>();

	/** The original record text, kept as event.original only when configured. */
	public String original;

	public String data(String name) {
		return this.eventData.get(name);
	}

	/**
	 * The n-th positional parameter (1-based) as winlog.event_data shows it: the field "param{n}" when the shipper
	 * named it so (Winlogbeat, NXLog), otherwise the unnamed Data that EcsMapper writes as "param{n}" (Windows XML
	 * classic providers: unnamed values take the param numbers no named field uses, in document order). Null when
	 * there is none.
	 */
	public String param(int n) {
		String named = this.eventData.get("param" + n);
		if (named != null || this.unnamedData.isEmpty() || n < 1) {
			return named;
		}
		int number = 0;
		for (String unnamed : this.unnamedData) {
			number++;
			while (this.eventData.containsKey("param" + number)) {
				number++;
			}
			if (number == n) {
				return unnamed;
			}
			if (number > n) {
				return null;
			}
		}
		return null;
	}

}
