package io.iterdef.kb.decode;

import io.iterdef.kb.decode.evtxjson.EvtxJsonDecoder;
import io.iterdef.kb.decode.flat.FlatJsonDecoder;
import io.iterdef.kb.decode.nxlog.NxlogDecoder;
import io.iterdef.kb.decode.syslog.SyslogDecoder;
import io.iterdef.kb.decode.winlogbeat.Winlogbeat6Decoder;
import io.iterdef.kb.decode.winlogbeat.WinlogbeatDecoder;
import io.iterdef.kb.decode.xml.WindowsXmlDecoder;

import java.util.List;

/**
 * The format decoders in auto-detection order. JSON formats first (their sniffs look at top-level fields and
 * are mutually exclusive in that order: Winlogbeat's "winlog" object, Winlogbeat 6's event_data/log_name, NXLog's
 * EventTime/SourceModuleType, the flattened TimeCreated, evtx_dump's Event.System), then syslog ({@code <PRI>} or
 * an RFC 3164 timestamp) and XML ({@code <} then a name).
 */
final class Registry {

	private Registry() {
	}

	static List<FormatDecoder> formats() {
		return List.of(new WinlogbeatDecoder(), new Winlogbeat6Decoder(), new NxlogDecoder(), new FlatJsonDecoder(),
				new EvtxJsonDecoder(), new SyslogDecoder(), new WindowsXmlDecoder());
	}

}
