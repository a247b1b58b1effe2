#!/usr/bin/env python3
"""Writes the benign baseline: one ordinary working day (2026-11-18, UTC) of two workstations, a file server and a
domain controller, as NXLog im_msvistalog JSON lines (what om_tcp + to_json sends). Nothing in it is an attack: every
alert the rules raise on it is a false positive and must be listed, with a reason, in known-fps.csv.

The records reuse the event templates of gen_golden_corpus.py (same fields, same field order, same NXLog rendering)
with the values of everyday activity: logons and logoffs, browsers and Office, software updates, Defender, SCCM and
logon scripts, scheduled tasks of installed software, Kerberos and NTLM traffic on the DC, share access on the file
server, helpdesk account administration. Deterministic (seeded): rerun after editing.
Usage: python3 sample-events/tools/gen_baseline.py   (from the repository root)"""
import copy, os, random
from datetime import datetime, timedelta

import gen_golden_corpus as g

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'baseline')
DAY = datetime(2026, 11, 18, 7, 0, 0)
DOMAIN_SID = g.DOMAIN_SID
rnd = random.Random(20261118)
TEMPLATES = {}
for _s in g.SPECS:
    TEMPLATES.setdefault((_s['source'], _s['id']), _s)
records = {}

SYS32 = 'C:\\Windows\\System32\\'
PS = SYS32 + 'WindowsPowerShell\\v1.0\\powershell.exe'
EXPLORER = 'C:\\Windows\\explorer.exe'
CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
OUTLOOK = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE'
WORD = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'
EXCEL = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE'
SVCHOST = SYS32 + 'svchost.exe'
SERVICES = SYS32 + 'services.exe'
CMD = SYS32 + 'cmd.exe'
TEAMS = 'C:\\Users\\{u}\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe'
ONEDRIVE = 'C:\\Users\\{u}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe'
MPCMDRUN = 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25090.3009-0\\MpCmdRun.exe'
CCMEXEC = 'C:\\Windows\\CCM\\CcmExec.exe'

WORKSTATIONS = [
    dict(host='FIN-WS12.corp.example.org', short='FIN-WS12', ip='10.20.4.52', user='asmith', sid=DOMAIN_SID + '-1210'),
    dict(host='HR-WS03.corp.example.org', short='HR-WS03', ip='10.20.6.23', user='bkim', sid=DOMAIN_SID + '-1233'),
]
FILESERVER = dict(host='FS01.corp.example.org', short='FS01', ip='10.20.1.20')
DC = dict(host='DC01.corp.example.org', short='DC01', ip='10.20.1.10')
USERS = ['asmith', 'bkim', 'cjones', 'dlee', 'emartin', 'fgarcia', 'gwhite', 'hnguyen']


def event(source, eid, t, host, values=None, *, message=None, sid=None, unnamed=None, level=None):
    """A copy of the corpus template (source, eid) at time t on host, with event data values replaced/added."""
    s = copy.deepcopy(TEMPLATES[(source, eid)])
    data = list(s['data'])
    for k, v in (values or {}).items():
        for i, (name, _) in enumerate(data):
            if name == k:
                data[i] = (k, v)
                break
        else:
            data.append((k, v))
    s['data'] = data
    s['time'] = t
    s['computer'] = host
    key = (host, s['channel'])
    records[key] = records.get(key, rnd.randrange(100000, 900000)) + 1
    s['record'] = records[key]
    if message is not None:
        s['message'] = message
    if sid is not None:
        s['sid'] = sid
    if unnamed is not None:
        s['unnamed'] = unnamed
    if level is not None:
        s['level'] = level
    return g.nxlog(g.finish(s))


g.ACCOUNTS.update({DOMAIN_SID + '-1210': ('asmith', 'CORP', 'User', 'User'),
                   DOMAIN_SID + '-1233': ('bkim', 'CORP', 'User', 'User')})


def ms(t):
    return t.strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (t.microsecond // 1000)


class Host:
    def __init__(self, info):
        self.info = info
        self.lines = []
        self.pid = 4000

    def add(self, line, t):
        self.lines.append((t, line))

    def proc(self, t, image, cmd, parent, parent_cmd, user='SYSTEM', integrity='System', also_4688=True, orig=None,
             cwd='C:\\Windows\\system32\\'):
        """Sysmon 1 (and Security 4688, as audit policy with command lines writes it) of one process start."""
        self.pid += rnd.randrange(4, 120)
        pid = self.pid
        name = image.split('\\')[-1]
        account = 'NT AUTHORITY\\SYSTEM' if user == 'SYSTEM' else f'CORP\\{user}'
        self.add(event('sysmon', 1, t, self.info['host'], {
            'RuleName': '-', 'ProcessGuid': g.guid(f'{self.info["host"]}{pid}{image}'), 'ProcessId': str(pid),
            'Image': image, 'FileVersion': '-', 'Description': name, 'Product': '-', 'Company': '-',
            'OriginalFileName': orig or name, 'CommandLine': cmd, 'CurrentDirectory': cwd, 'User': account,
            'LogonId': '0x3e7' if user == 'SYSTEM' else '0x2b41c7', 'IntegrityLevel': integrity,
            'Hashes': g.hashes(name.lower()), 'ParentProcessGuid': g.guid(f'{self.info["host"]}{parent}'),
            'ParentProcessId': str(pid - rnd.randrange(1, 3000)), 'ParentImage': parent,
            'ParentCommandLine': parent_cmd, 'ParentUser': account}), t)
        if also_4688:
            subject_name = f'{self.info["short"]}$' if user == 'SYSTEM' else user
            self.add(event('security', 4688, t + timedelta(milliseconds=3), self.info['host'], {
                'SubjectUserSid': 'S-1-5-18' if user == 'SYSTEM' else self.info.get('sid', DOMAIN_SID + '-1299'),
                'SubjectUserName': subject_name, 'SubjectDomainName': 'CORP',
                'SubjectLogonId': '0x3e7' if user == 'SYSTEM' else '0x2b41c7', 'NewProcessId': hex(pid),
                'NewProcessName': image, 'CommandLine': cmd, 'ParentProcessName': parent}), t)
        return pid

    def net(self, t, image, dst, port, user):
        self.add(event('sysmon', 3, t, self.info['host'], {
            'RuleName': '-', 'ProcessGuid': g.guid(f'{self.info["host"]}{image}'), 'ProcessId': str(self.pid),
            'Image': image, 'User': user, 'SourceIp': self.info['ip'], 'SourceHostname': self.info['host'],
            'SourcePort': str(rnd.randrange(49152, 65535)), 'DestinationIp': dst, 'DestinationHostname': '-',
            'DestinationPort': str(port), 'DestinationPortName': {443: 'https', 80: 'http', 445: 'microsoft-ds',
                                                                  389: 'ldap', 88: 'kerberos'}.get(port, '-')}), t)

    def dns(self, t, image, name, answer, user):
        self.add(event('sysmon', 22, t, self.info['host'], {
            'ProcessGuid': g.guid(f'{self.info["host"]}{image}'), 'ProcessId': str(self.pid), 'QueryName': name,
            'QueryStatus': '0', 'QueryResults': f'::ffff:{answer};', 'Image': image, 'User': user}), t)

    def file(self, t, image, path, user):
        self.add(event('sysmon', 11, t, self.info['host'], {
            'RuleName': '-', 'ProcessGuid': g.guid(f'{self.info["host"]}{image}'), 'ProcessId': str(self.pid),
            'Image': image, 'TargetFilename': path, 'CreationUtcTime': ms(t), 'User': user}), t)

    def reg(self, t, image, key, details, user):
        self.add(event('sysmon', 13, t, self.info['host'], {
            'RuleName': '-', 'ProcessGuid': g.guid(f'{self.info["host"]}{image}'), 'ProcessId': str(self.pid),
            'Image': image, 'TargetObject': key, 'Details': details, 'User': user}), t)

    def service_state(self, t, name, state):
        self.add(event('system', 7036, t, self.info['host'], {'param1': name, 'param2': state},
                       message=f'The {name} service entered the {state} state.'), t)

    def logon(self, t, user, sid, logon_type, ip='-', package='Kerberos', process='User32 ', workstation='-'):
        self.add(event('security', 4624, t, self.info['host'], {
            'SubjectUserSid': 'S-1-5-18', 'SubjectUserName': f'{self.info["short"]}$', 'SubjectDomainName': 'CORP',
            'SubjectLogonId': '0x3e7', 'TargetUserSid': sid, 'TargetUserName': user, 'TargetDomainName': 'CORP',
            'TargetLogonId': hex(rnd.randrange(0x100000, 0xffffff)), 'LogonType': str(logon_type),
            'LogonProcessName': process, 'AuthenticationPackageName': package, 'WorkstationName': workstation,
            'LmPackageName': '-', 'KeyLength': '0', 'ProcessId': '0x2a8' if logon_type != 3 else '0x0',
            'ProcessName': SYS32 + 'winlogon.exe' if logon_type == 2 else '-', 'IpAddress': ip,
            'IpPort': '0' if ip in ('-', '127.0.0.1') else str(rnd.randrange(49152, 65535))}), t)


def workstation(info):
    h = Host(info)
    u, sid, host = info['user'], info['sid'], info['host']
    user = f'CORP\\{u}'
    boot = DAY + timedelta(minutes=rnd.randrange(50, 80), seconds=rnd.randrange(60))
    h.service_state(boot, 'Windows Update', 'running')
    h.service_state(boot + timedelta(seconds=4), 'Background Intelligent Transfer Service', 'running')
    # a typo at the lock screen, then the logon
    t = boot + timedelta(minutes=3)
    h.add(event('security', 4625, t, host, {
        'SubjectUserSid': 'S-1-5-18', 'SubjectUserName': f'{info["short"]}$', 'SubjectDomainName': 'CORP',
        'SubjectLogonId': '0x3e7', 'TargetUserName': u, 'TargetDomainName': 'CORP', 'LogonType': '2',
        'WorkstationName': info['short'], 'IpAddress': '127.0.0.1', 'IpPort': '0',
        'ProcessName': SYS32 + 'svchost.exe'}), t)
    t += timedelta(seconds=9)
    h.logon(t, u, sid, 2, ip='127.0.0.1', workstation=info['short'])
    userinit = h.proc(t + timedelta(seconds=1), SYS32 + 'userinit.exe', SYS32 + 'userinit.exe',
                      SYS32 + 'winlogon.exe', 'winlogon.exe', user=u, integrity='Medium')
    h.proc(t + timedelta(seconds=2), EXPLORER, EXPLORER, SYS32 + 'userinit.exe', SYS32 + 'userinit.exe', user=u,
           integrity='Medium')
    # the logon script from NETLOGON maps the home drive and a department share
    t += timedelta(seconds=5)
    h.proc(t, CMD, f'C:\\Windows\\system32\\cmd.exe /c "\\\\corp.example.org\\NETLOGON\\logon.cmd"',
           SYS32 + 'userinit.exe', SYS32 + 'userinit.exe', user=u, integrity='Medium')
    h.proc(t + timedelta(seconds=1), SYS32 + 'net.exe', f'net use H: \\\\FS01\\home$\\{u} /persistent:no', CMD,
           'cmd.exe /c logon.cmd', user=u, integrity='Medium')
    h.proc(t + timedelta(seconds=2), SYS32 + 'net.exe', 'net use S: \\\\FS01\\shared /persistent:no', CMD,
           'cmd.exe /c logon.cmd', user=u, integrity='Medium')
    # startup apps: OneDrive refreshes its own Run value, Teams starts
    t += timedelta(seconds=20)
    onedrive = ONEDRIVE.format(u=u)
    h.proc(t, onedrive, f'"{onedrive}" /background', EXPLORER, EXPLORER, user=u, integrity='Medium')
    h.reg(t + timedelta(seconds=3), onedrive, f'HKU\\{sid}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive',
          f'"{onedrive}" /background', user)
    teams = TEAMS.format(u=u)
    h.proc(t + timedelta(seconds=5), teams, f'"{teams}" --process-start-args "--profile=AAD"', EXPLORER, EXPLORER,
           user=u, integrity='Medium')
    # SCCM client inventory: PowerShell with -ExecutionPolicy Bypass -File, from the CCM folder
    t += timedelta(minutes=rnd.randrange(5, 15))
    h.proc(t, PS, f'"{PS}" -NoLogo -NonInteractive -ExecutionPolicy Bypass -File '
           '"C:\\Windows\\CCM\\SystemTemp\\0f3c7d1e-4a2b-4c9d-8e7f-1a2b3c4d5e6f.ps1"', CCMEXEC, f'"{CCMEXEC}"')
    h.add(event('powershell', 4104, t + timedelta(seconds=1), host, {
        'ScriptBlockText': "$ErrorActionPreference = 'Stop'\r\n$apps = Get-ItemProperty "
                           "'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*' |\r\n"
                           "    Select-Object DisplayName, DisplayVersion, Publisher\r\n"
                           "$apps | ConvertTo-Json | Out-File \"$env:WINDIR\\CCM\\Inventory\\apps.json\"",
        'ScriptBlockId': g.guid(f'{host}sccm')[1:-1], 'Path': 'C:\\Windows\\CCM\\SystemTemp\\inventory.ps1'},
        message='Creating Scriptblock text (1 of 1):\r\n$ErrorActionPreference = \'Stop\'', sid='S-1-5-18'),
        t)
    # Defender signature update and a quick scan, run by its own scheduled tasks
    t += timedelta(minutes=rnd.randrange(10, 20))
    h.add(event('taskscheduler', 200, t, host, {
        'TaskName': '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan',
        'ActionName': MPCMDRUN, 'TaskInstanceId': g.guid(f'{host}scan')},
        message='Task Scheduler launched action "MpCmdRun.exe" in instance of task '
                '"\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan".'), t)
    h.proc(t + timedelta(seconds=1), MPCMDRUN, f'"{MPCMDRUN}" Scan -ScheduleJob -ScanTrigger 55', SVCHOST,
           'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule')
    h.proc(t + timedelta(minutes=2), MPCMDRUN, f'"{MPCMDRUN}" -SignatureUpdate -MMPC', SVCHOST,
           'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule')
    # Google Chrome's updater: its task and its service
    t += timedelta(minutes=7)
    gupdate = 'C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe'
    h.add(event('taskscheduler', 200, t, host, {'TaskName': '\\GoogleUpdateTaskMachineUA', 'ActionName': gupdate,
                                               'TaskInstanceId': g.guid(f'{host}gupdate')},
                message='Task Scheduler launched action "GoogleUpdate.exe" in instance of task '
                        '"\\GoogleUpdateTaskMachineUA".'), t)
    h.proc(t + timedelta(seconds=1), gupdate, f'"{gupdate}" /ua /installsource scheduler', SVCHOST,
           'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule')
    h.net(t + timedelta(seconds=2), gupdate, '142.250.185.78', 443, 'NT AUTHORITY\\SYSTEM')
    # a working day: mail, browser, documents from the share and from downloads, printing
    t = boot + timedelta(minutes=30)
    h.proc(t, OUTLOOK, f'"{OUTLOOK}" ', EXPLORER, EXPLORER, user=u, integrity='Medium')
    for i in range(40):
        t += timedelta(minutes=rnd.randrange(4, 14), seconds=rnd.randrange(60))
        kind = rnd.random()
        if kind < 0.35:
            site, ip = rnd.choice([('www.office.com', '52.98.151.66'), ('outlook.office365.com', '52.97.201.34'),
                                   ('intranet.corp.example.org', '10.20.1.40'), ('www.bbc.co.uk', '151.101.0.81'),
                                   ('teams.microsoft.com', '52.113.194.132'), ('www.google.com', '142.250.185.68')])
            h.dns(t, CHROME, site, ip, user)
            h.net(t + timedelta(milliseconds=40), CHROME, ip, 443, user)
        elif kind < 0.55:
            doc = rnd.choice(['Q4 forecast.xlsx', 'minutes 2026-11-18.docx', 'policy draft v3.docx', 'budget.xlsx'])
            app = EXCEL if doc.endswith('xlsx') else WORD
            h.proc(t, app, f'"{app}" "S:\\{doc}"', EXPLORER, EXPLORER, user=u, integrity='Medium')
            h.file(t + timedelta(seconds=30), app, f'C:\\Users\\{u}\\AppData\\Roaming\\Microsoft\\Office\\Recent\\{doc}.LNK',
                   user)
        elif kind < 0.65:
            pdf = f'C:\\Users\\{u}\\Downloads\\invoice-{rnd.randrange(10000, 99999)}.pdf'
            h.file(t, CHROME, pdf, user)
            h.file(t + timedelta(milliseconds=5), CHROME, pdf + ':Zone.Identifier', user)
        elif kind < 0.72:
            h.proc(t, SYS32 + 'splwow64.exe', 'C:\\Windows\\splwow64.exe 12288', WORD, f'"{WORD}" ', user=u,
                   integrity='Medium')
        elif kind < 0.80:
            h.net(t, OUTLOOK, '52.97.201.34', 443, user)
        elif kind < 0.86:
            # Windows housekeeping
            h.proc(t, SYS32 + 'taskhostw.exe', 'taskhostw.exe Install $(Arg0)', SVCHOST,
                   'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule')
        elif kind < 0.92:
            h.proc(t, SYS32 + 'backgroundTaskHost.exe',
                   'C:\\Windows\\system32\\backgroundTaskHost.exe -ServerName:App.AppXnme9zjyebb2xnyygh6q9ev6p5d234br2.mca',
                   SVCHOST, 'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p', user=u, integrity='Low')
        else:
            h.proc(t, SYS32 + 'gpupdate.exe', 'gpupdate.exe /target:computer', SVCHOST,
                   'C:\\Windows\\system32\\svchost.exe -k GPSvcGroup')
    # the helpdesk checks the network settings on a call: two commands, minutes apart
    t = boot + timedelta(hours=5)
    h.proc(t, CMD, 'cmd.exe', EXPLORER, EXPLORER, user=u, integrity='Medium')
    h.proc(t + timedelta(seconds=20), SYS32 + 'ipconfig.exe', 'ipconfig /all', CMD, 'cmd.exe', user=u,
           integrity='Medium')
    h.proc(t + timedelta(minutes=4), SYS32 + 'ipconfig.exe', 'ipconfig /flushdns', CMD, 'cmd.exe', user=u,
           integrity='Medium')
    # Windows Update installs the monthly update: TiWorker, a WMI provider DLL under wbem, services restart
    t = boot + timedelta(hours=6)
    tiworker = 'C:\\Windows\\WinSxS\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.6450_none\\TiWorker.exe'
    h.proc(t, tiworker, f'{tiworker} -Embedding', SVCHOST, 'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p')
    h.file(t + timedelta(minutes=3), tiworker, SYS32 + 'wbem\\WmiPerfClass.dll', 'NT AUTHORITY\\SYSTEM')
    h.service_state(t + timedelta(minutes=5), 'Windows Modules Installer', 'running')
    h.service_state(t + timedelta(minutes=25), 'Windows Modules Installer', 'stopped')
    h.service_state(t + timedelta(minutes=26), 'Windows Update', 'stopped')
    h.service_state(t + timedelta(minutes=27), 'Windows Update', 'running')
    # end of day
    t = boot + timedelta(hours=9, minutes=rnd.randrange(60))
    h.add(event('security', 4647, t, host, {'TargetUserSid': sid, 'TargetUserName': u, 'TargetDomainName': 'CORP',
                                            'TargetLogonId': '0x2b41c7'}), t)
    h.add(event('security', 4634, t + timedelta(seconds=2), host, {
        'TargetUserSid': sid, 'TargetUserName': u, 'TargetDomainName': 'CORP', 'TargetLogonId': '0x2b41c7',
        'LogonType': '2'}), t)
    return h


def fileserver():
    h = Host(FILESERVER)
    host = FILESERVER['host']
    t = DAY + timedelta(hours=1)
    for i in range(160):
        t += timedelta(seconds=rnd.randrange(30, 240))
        u = rnd.choice(USERS)
        ip = f'10.20.{rnd.choice([4, 6])}.{rnd.randrange(20, 90)}'
        h.logon(t, u, f'{DOMAIN_SID}-{1200 + USERS.index(u)}', 3, ip=ip, package='Kerberos', process='Kerberos')
        share = rnd.choice(['\\\\*\\home$', '\\\\*\\shared', '\\\\*\\IPC$'])
        h.add(event('security', 5140, t + timedelta(milliseconds=200), host, {
            'SubjectUserName': u, 'SubjectDomainName': 'CORP', 'SubjectUserSid': f'{DOMAIN_SID}-{1200 + USERS.index(u)}',
            'IpAddress': ip, 'ShareName': share, 'ShareLocalPath': '\\??\\D:\\' + share.split('\\')[-1].rstrip('$')}), t)
        if share != '\\\\*\\IPC$':
            name = rnd.choice(['Q4 forecast.xlsx', 'minutes.docx', 'handbook.pdf', 'team photo.jpg', 'budget.xlsx'])
            h.add(event('security', 5145, t + timedelta(milliseconds=400), host, {
                'SubjectUserName': u, 'SubjectDomainName': 'CORP',
                'SubjectUserSid': f'{DOMAIN_SID}-{1200 + USERS.index(u)}', 'IpAddress': ip, 'ShareName': share,
                'ShareLocalPath': '\\??\\D:\\' + share.split('\\')[-1].rstrip('$'), 'RelativeTargetName': name,
                'AccessMask': '0x120089', 'AccessList': '%%1538 %%1541 %%4416 %%4419 %%4423'}), t)
    # the nightly backup agent reads through the administrative share as its service account
    t = DAY + timedelta(hours=10, minutes=30)
    h.logon(t, 'svc_backup', g.BACKUP_SID, 3, ip='10.20.1.30', package='Kerberos', process='Kerberos')
    for name in ['D:\\shared\\budget.xlsx', 'D:\\home\\asmith\\notes.txt', 'D:\\shared\\handbook.pdf']:
        h.add(event('security', 5145, t + timedelta(seconds=2), host, {
            'SubjectUserName': 'svc_backup', 'SubjectDomainName': 'CORP', 'SubjectUserSid': g.BACKUP_SID,
            'IpAddress': '10.20.1.30', 'ShareName': '\\\\*\\D$', 'ShareLocalPath': '\\??\\D:\\',
            'RelativeTargetName': name[3:], 'AccessMask': '0x120089', 'AccessList': '%%1538 %%1541 %%4416'}), t)
    # Defender and Windows Update on the server too
    h.proc(DAY + timedelta(hours=2), MPCMDRUN, f'"{MPCMDRUN}" -SignatureUpdate -MMPC', SVCHOST,
           'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule')
    h.service_state(DAY + timedelta(hours=3), 'Windows Update', 'running')
    h.service_state(DAY + timedelta(hours=3, minutes=30), 'Windows Update', 'stopped')
    return h


def domain_controller():
    h = Host(DC)
    host = DC['host']
    t = DAY + timedelta(minutes=40)
    services = ['cifs/FS01.corp.example.org', 'ldap/DC01.corp.example.org', 'HTTP/intranet.corp.example.org',
                'host/FIN-WS12.corp.example.org', 'krbtgt', 'cifs/DC01.corp.example.org']
    for i in range(220):
        t += timedelta(seconds=rnd.randrange(20, 150))
        u = rnd.choice(USERS)
        ip = f'::ffff:10.20.{rnd.choice([4, 6])}.{rnd.randrange(20, 90)}'
        if rnd.random() < 0.25:
            h.add(event('security', 4768, t, host, {
                'TargetUserName': u, 'TargetDomainName': 'CORP', 'TargetSid': f'{DOMAIN_SID}-{1200 + USERS.index(u)}',
                'ServiceName': 'krbtgt', 'TicketEncryptionType': '0x12', 'PreAuthType': '2', 'IpAddress': ip,
                'Status': '0x0'}), t)
        h.add(event('security', 4769, t + timedelta(milliseconds=30), host, {
            'TargetUserName': f'{u}@CORP.EXAMPLE.ORG', 'ServiceName': rnd.choice(services).split('/')[-1].split('.')[0]
            .upper() + '$' if rnd.random() < 0.7 else 'krbtgt', 'TicketEncryptionType': '0x12', 'IpAddress': ip,
            'Status': '0x0'}), t)
        if rnd.random() < 0.15:
            h.add(event('security', 4776, t + timedelta(milliseconds=60), host, {
                'PackageName': 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0', 'TargetUserName': u,
                'Workstation': rnd.choice(['FIN-WS12', 'HR-WS03', 'PRN-FLOOR2']), 'Status': '0x0'}), t)
    # the legacy reporting app still asks for an RC4 ticket for its one SQL service, once a day
    t = DAY + timedelta(hours=8, minutes=5)
    h.add(event('security', 4769, t, host, {
        'TargetUserName': 'svc_report@CORP.EXAMPLE.ORG', 'ServiceName': 'svc_sql', 'TicketEncryptionType': '0x17',
        'IpAddress': '::ffff:10.20.1.55', 'Status': '0x0'}), t)
    # a phone with an old password: Kerberos pre-auth failures spread over half an hour (below lockout)
    t = DAY + timedelta(hours=3, minutes=12)
    for i in range(4):
        h.add(event('security', 4771, t + timedelta(minutes=8 * i), host, {
            'TargetUserName': 'cjones', 'TargetSid': f'{DOMAIN_SID}-1202', 'ServiceName': 'krbtgt/CORP',
            'TicketOptions': '0x40810010', 'Status': '0x18', 'PreAuthType': '2', 'IpAddress': '::ffff:10.20.9.77'}),
              t)
    # helpdesk onboarding: a new hire's domain account, enabled, password set, added to the department group
    t = DAY + timedelta(hours=4, minutes=20)
    helpdesk = [('SubjectUserSid', DOMAIN_SID + '-1190'), ('SubjectUserName', 'hd_tmiller')]
    new_sid = DOMAIN_SID + '-1301'
    for eid, extra in ((4720, {'TargetUserName': 'inewman', 'TargetSid': new_sid, 'SamAccountName': 'inewman'}),
                       (4722, {'TargetUserName': 'inewman', 'TargetSid': new_sid}),
                       (4724, {'TargetUserName': 'inewman', 'TargetSid': new_sid}),
                       (4728, {'MemberName': 'CN=Ian Newman,OU=Staff,DC=corp,DC=example,DC=org', 'MemberSid': new_sid,
                               'TargetUserName': 'HR Staff', 'TargetSid': DOMAIN_SID + '-2105'})):
        values = dict(helpdesk)
        values.update({'SubjectDomainName': 'CORP', 'TargetDomainName': 'CORP'})
        values.update(extra)
        h.add(event('security', eid, t, host, values), t)
        t += timedelta(seconds=rnd.randrange(3, 20))
    # Group Policy and time sync on the DC
    for i in range(6):
        tt = DAY + timedelta(hours=1 + 1.5 * i)
        h.proc(tt, SYS32 + 'gpupdate.exe', 'gpupdate.exe /target:computer', SVCHOST,
               'C:\\Windows\\system32\\svchost.exe -k GPSvcGroup')
    return h


def write(name, host):
    os.makedirs(OUT, exist_ok=True)
    lines = [line for _, line in sorted(host.lines, key=lambda p: p[0])]
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='\n') as f:
        f.writelines(lines)
    return len(lines)


def main():
    total = 0
    for info in WORKSTATIONS:
        total += write(f'workstation-{info["short"].lower()}.ndjson', workstation(info))
    total += write('fileserver-fs01.ndjson', fileserver())
    total += write('domain-controller-dc01.ndjson', domain_controller())
    print(f'{total} baseline records under {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
