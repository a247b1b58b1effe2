package io.iterdef.kb.decode;

import io.iterdef.kb.decode.flat.FlatJsonDecoder;
import io.iterdef.kb.decode.nxlog.NxlogDecoder;
import io.iterdef.kb.decode.winlogbeat.Winlogbeat6Decoder;
import io.iterdef.kb.decode.winlogbeat.WinlogbeatDecoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The format decoders in auto-detection order. JSON formats first (their sniffs look at top-level fields and
 * are mutually exclusive in that order: Winlogbeat's "winlog" object, Winlogbeat 6's event_data/log_name, NXLog's
 * EventTime/SourceModuleType, the flattened TimeCreated, evtx_dump's Event.System), then syslog and XML.
 */
final class Registry {

	/** Decoders written in parallel, registered when present on the classpath (no-argument constructors). */
	static final List<String> OPTIONAL = List.of("io.iterdef.kb.decode.evtxjson.EvtxJsonDecoder",
			"io.iterdef.kb.decode.syslog.SyslogDecoder", "io.iterdef.kb.decode.xml.WindowsXmlDecoder");

	private Registry() {
	}

	static List<FormatDecoder> formats() {
		List<FormatDecoder> formats = new ArrayList<>(List.of(new WinlogbeatDecoder(), new Winlogbeat6Decoder(),
				new NxlogDecoder(), new FlatJsonDecoder()));
		for (String name : OPTIONAL) {
			FormatDecoder f = instantiate(name);
			if (f != null) {
				formats.add(f);
			}
		}
		return formats;
	}

	private static FormatDecoder instantiate(String className) {
		try {
			return (FormatDecoder) Class.forName(className).getDeclaredConstructor().newInstance();
		}
		catch (ClassNotFoundException e) {
			return null;
		}
		catch (ReflectiveOperationException | ClassCastException e) {
			throw new IllegalStateException("cannot register the decoder " + className, e);
		}
	}

}
