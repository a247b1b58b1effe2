#!/usr/bin/env python3
"""Rule fixtures (NXLog im_msvistalog JSON, one record per line) for the rules that show the CEP rule kinds: sequence
(persistence_new_account_added_to_privileged_group), absence (defense_evasion_security_service_stopped), new term
(lateral_movement_first_network_logon_of_account), cardinality (discovery_network_service_scan) and spike
(impact_mass_file_changes_spike). Each record is a golden-corpus raw record
(detection-kb/src/test/resources/raw/nxlog/corpus_*.json) with a few fields changed. Deterministic; run from the
repository root:

    python3 sample-events/tools/gen_fixtures_rule_kinds.py
"""
import datetime
from fixture_records import base, write

_record = [7_300_000]


def rec(name, time, **fields):
    """The corpus record `name` at `time` (datetime) with `fields` set; each changed value is also replaced in Message."""
    r = base(name)
    msg = r.get('Message')
    for k, v in fields.items():
        old = r.get(k)
        if msg is not None and isinstance(old, str) and old and isinstance(v, str):
            msg = msg.replace(old, v)
        r[k] = v
    r['EventTime'] = time.strftime('%Y-%m-%d %H:%M:%S')
    r['EventReceivedTime'] = (time + datetime.timedelta(seconds=1)).strftime('%Y-%m-%d %H:%M:%S')
    if 'UtcTime' in r:
        r['UtcTime'] = time.strftime('%Y-%m-%d %H:%M:%S') + '.%03d' % (time.microsecond // 1000)
        msg = msg.replace(base(name)['UtcTime'], r['UtcTime']) if msg else msg
    _record[0] += 1
    r['RecordNumber'] = _record[0]
    if msg is not None:
        r['Message'] = msg
    return r


def t(s):
    return datetime.datetime.strptime(s, '%Y-%m-%d %H:%M:%S')


def sec(seconds):
    return datetime.timedelta(seconds=seconds)


WS = 'FIN-WS07.corp.example.org'
DC = 'DC01.corp.example.org'
FS = 'FS02.corp.example.org'
WS_SID = 'S-1-5-21-1004336348-1177238915-682003330'
DOM_SID = 'S-1-5-21-3623811015-3361044348-30300820'

# --- security/persistence_new_account_added_to_privileged_group (sequence)


def created(time, host, name, domain, sid, subject='Administrator'):
    return rec('security_4720', time, Hostname=host, TargetUserName=name, SamAccountName=name, TargetDomainName=domain,
               TargetSid=sid, SubjectUserName=subject)


def added(time, host, member_name, member_sid, group, group_sid, domain='Builtin', eid=4732):
    r = rec('security_4732', time, Hostname=host, MemberName=member_name, MemberSid=member_sid, TargetUserName=group,
            TargetDomainName=domain, TargetSid=group_sid)
    if eid != 4732:
        r['EventID'] = eid
        r['Message'] = r['Message'].replace('security-enabled local group', 'security-enabled global group')
    return r


D = 'security/persistence_new_account_added_to_privileged_group/'
T0 = t('2026-11-17 10:02:11')
write(D + 'match/local_account_then_administrators_1s.ndjson',
      created(T0, WS, 'support_tmp', 'FIN-WS07', WS_SID + '-1003', subject='jdoe'),
      added(T0 + sec(1), WS, '-', WS_SID + '-1003', 'Administrators', 'S-1-5-32-544'))
write(D + 'match/domain_account_then_domain_admins_14min.ndjson',
      created(T0, DC, 'helpdesk3', 'CORP', DOM_SID + '-1191'),
      added(T0 + sec(14 * 60), DC, 'CN=helpdesk3,OU=IT,DC=corp,DC=example,DC=org', DOM_SID + '-1191', 'Domain Admins',
            DOM_SID + '-512', domain='CORP', eid=4728))
write(D + 'match/local_account_then_remote_desktop_users.ndjson',
      created(T0, WS, 'rdpsvc', 'FIN-WS07', WS_SID + '-1004', subject='jdoe'),
      added(T0 + sec(20), WS, '-', WS_SID + '-1004', 'Remote Desktop Users', 'S-1-5-32-555'))
write(D + 'nomatch/created_then_users_group.ndjson',
      created(T0, WS, 'kiosk', 'FIN-WS07', WS_SID + '-1005', subject='jdoe'),
      added(T0 + sec(2), WS, '-', WS_SID + '-1005', 'Users', 'S-1-5-32-545'))
write(D + 'nomatch/created_then_event_log_readers.ndjson',
      created(T0, WS, 'logreader', 'FIN-WS07', WS_SID + '-1006', subject='jdoe'),
      added(T0 + sec(40), WS, '-', WS_SID + '-1006', 'Event Log Readers', 'S-1-5-32-573'))
# An add 16 minutes after the creation, an add logged before the creation and an existing account added while another
# is created are not this sequence, but they are privileged-group changes that "Member added to a privileged group"
# alerts on (a fixture case must raise nothing at all): PersistenceNewAccountAddedToPrivilegedGroupTest covers them.

# --- system/defense_evasion_security_service_stopped (absence)


def state(time, service, st, host=WS):
    return rec('system_7036', time, Hostname=host, param1=service, param2=st,
               Message='The %s service entered the %s state.' % (service, st))


def eventlog_stopped(time, host=WS):
    """System 6006 (EventLog): the event log service stopped, as Windows writes it at a clean shutdown."""
    r = rec('system_7036', time, Hostname=host, EventID=6006, SourceName='EventLog',
            Message='The Event log service was stopped.')
    for k in ('param1', 'param2', 'ProviderGuid'):
        r.pop(k, None)
    r.update({'Keywords': 36028797018963968, 'Task': 0, 'ExecutionProcessID': 0, 'ThreadID': 0})
    return r


D = 'system/defense_evasion_security_service_stopped/'
T0 = t('2026-11-17 10:05:00')
write(D + 'match/sysmon64_stopped.ndjson',
      state(T0, 'Sysmon64', 'stopped'),
      state(T0 + sec(200), 'Windows Update', 'running'))
write(D + 'match/defender_stopped_restart_after_6min.ndjson',
      state(T0, 'Microsoft Defender Antivirus Service', 'stopped'),
      state(T0 + sec(30), 'Windows Modules Installer', 'running'),
      state(T0 + sec(6 * 60), 'Microsoft Defender Antivirus Service', 'running'))
write(D + 'nomatch/sysmon_restarted_by_update.ndjson',
      state(T0, 'Sysmon64', 'stopped'),
      state(T0 + sec(41), 'Sysmon64', 'running'))
write(D + 'nomatch/defender_restarted_at_4m59.ndjson',
      state(T0, 'Windows Defender Antivirus Service', 'stopped'),
      state(T0 + sec(299), 'Windows Defender Antivirus Service', 'running'))
write(D + 'nomatch/shutdown.ndjson',
      state(T0, 'Sysmon64', 'stopped'),
      state(T0 + sec(2), 'Windows Defender Firewall', 'stopped'),
      eventlog_stopped(T0 + sec(9)))
write(D + 'nomatch/print_spooler_stopped.json', state(T0, 'Print Spooler', 'stopped'))

# --- security/lateral_movement_first_network_logon_of_account (new term)


def logon(time, user, ip, host=FS, logon_type='3', domain='CORP', sid=None, workstation='OPS-JUMP01'):
    fields = dict(Hostname=host, TargetUserName=user, TargetDomainName=domain, IpAddress=ip,
                  LogonType=logon_type, WorkstationName=workstation,
                  TargetUserSid=sid or DOM_SID + '-%d' % (1100 + sum(map(ord, user)) % 800))
    if logon_type == '10':
        fields.update(LogonProcessName='User32 ', AuthenticationPackageName='Negotiate')
    return rec('security_4624', time, **fields)


D = 'security/lateral_movement_first_network_logon_of_account/'
T0 = t('2026-11-16 08:12:40')
DAY = datetime.timedelta(days=1)
write(D + 'match/new_admin_account_after_learning_day.ndjson',
      logon(T0, 'svc_backup', '192.0.2.51'),
      logon(T0 + sec(3 * 3600), 'jdoe', '192.0.2.37', workstation='FIN-WS07'),
      logon(T0 + DAY + sec(7200), 'svc_backup', '192.0.2.51'),
      logon(T0 + DAY + sec(7300), 'j.smith_adm', '192.0.2.88', workstation='FIN-WS11'))
write(D + 'match/rdp_by_new_account_two_days_later.ndjson',
      logon(T0, 'jdoe', '192.0.2.37', host=WS, logon_type='10', workstation='OPS-JUMP01'),
      logon(T0 + 2 * DAY, 'jdoe', '192.0.2.37', host=WS, logon_type='10', workstation='OPS-JUMP01'),
      logon(T0 + 2 * DAY + sec(60), 'helpdesk2', '192.0.2.51', host=WS, logon_type='10', workstation='OPS-JUMP01'))
write(D + 'nomatch/new_account_during_learning_day.ndjson',
      logon(T0, 'svc_backup', '192.0.2.51'),
      logon(T0 + DAY - sec(60), 'j.smith_adm', '192.0.2.88', workstation='FIN-WS11'))
write(D + 'nomatch/known_account_new_source_after_learning.ndjson',
      logon(T0, 'svc_backup', '192.0.2.51'),
      logon(T0 + 3 * DAY, 'svc_backup', '192.0.2.52', workstation='OPS-JUMP02'))
write(D + 'nomatch/machine_anonymous_and_local_logons.ndjson',
      logon(T0, 'svc_backup', '192.0.2.51'),
      logon(T0 + 2 * DAY, 'FIN-WS11$', '192.0.2.88', workstation='FIN-WS11'),
      logon(T0 + 2 * DAY + sec(1), 'ANONYMOUS LOGON', '192.0.2.90', domain='NT AUTHORITY', sid='S-1-5-7',
            workstation='SCANNER01'),
      logon(T0 + 2 * DAY + sec(2), 'j.smith_adm', '127.0.0.1', workstation='FS02'),
      logon(T0 + 2 * DAY + sec(3), 'helpdesk2', '192.0.2.51', logon_type='2'))

# --- network_connection/discovery_network_service_scan (cardinality)

SCANNER = 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\nw.exe'
PS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
PORTSCAN = 'C:\\Users\\Public\\Libraries\\ps64.exe'
AGENT = 'C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\HealthService.exe'
CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'


def conn(time, image, dst, port, guid='{6f3c1a2b-8eb9-6383-b1f4-0000000091a4}', pid='9124', dst_host='-',
         port_name='-', sport=51000):
    return rec('sysmon_3', time, Image=image, ProcessGuid=guid, ProcessId=pid, DestinationIp=dst,
               DestinationHostname=dst_host, DestinationPort=str(port), DestinationPortName=port_name,
               SourceIp='10.20.4.37', SourcePort=str(sport), RuleName='-')


D = 'network_connection/discovery_network_service_scan/'
T0 = datetime.datetime(2026, 11, 17, 10, 20, 3, 120000)
write(D + 'match/smb_sweep_20_hosts.ndjson',
      *[conn(T0 + sec(2 * i), SCANNER, '10.20.5.%d' % (10 + i), 445, port_name='microsoft-ds', sport=51000 + i)
        for i in range(20)])
PORTS = [21, 22, 23, 25, 53, 80, 88, 135, 139, 389, 443, 445, 1433, 3389, 5985]
write(D + 'match/port_scan_15_ports_one_host.ndjson',
      *[conn(T0 + sec(i), PORTSCAN, '10.20.8.15', p, guid='{6f3c1a2b-8eb9-6383-b1f4-000000006120}', pid='6120',
             sport=52000 + i) for i, p in enumerate(PORTS)])
write(D + 'nomatch/sweep_19_hosts.ndjson',
      *[conn(T0 + sec(2 * i), SCANNER, '10.20.5.%d' % (10 + i), 445, port_name='microsoft-ds', sport=51000 + i)
        for i in range(19)])
write(D + 'nomatch/sweep_20_hosts_over_2min.ndjson',
      *[conn(T0 + sec(6 * i), SCANNER, '10.20.5.%d' % (10 + i), 445, port_name='microsoft-ds', sport=51000 + i)
        for i in range(20)])
write(D + 'nomatch/repeated_connections_to_dc.ndjson',
      *[conn(T0 + sec(i), AGENT, '10.20.0.10', [88, 389, 445, 135, 49667][i % 5],
             guid='{6f3c1a2b-8eb9-6383-b1f4-000000006120}', pid='6120', dst_host='DC01.corp.example.org',
             sport=53000 + i) for i in range(40)])
write(D + 'nomatch/browser_internet_destinations.ndjson',
      *[conn(T0 + sec(i), CHROME, '198.51.100.%d' % (20 + i), 443, guid='{6f3c1a2b-8eb9-6383-b1f4-000000003356}',
             pid='3356', port_name='https', sport=54000 + i) for i in range(25)])

# --- file_event/impact_mass_file_changes_spike (spike)

WINWORD = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'
RANSOM = 'C:\\Users\\jdoe\\AppData\\Roaming\\svcupd.exe'


def created_file(time, image, path, guid='{6f3c1a2b-8eb9-6383-b1f4-00000000a1f0}', pid='7412'):
    return rec('sysmon_11', time, Image=image, TargetFilename=path, ProcessGuid=guid, ProcessId=pid, RuleName='-',
               CreationUtcTime=time.strftime('%Y-%m-%d %H:%M:%S') + '.%03d' % (time.microsecond // 1000))


def deleted_file(time, image, path, guid='{6f3c1a2b-8eb9-6383-b1f4-00000000a1f0}', pid='7412'):
    return rec('sysmon_23', time, Image=image, TargetFilename=path, ProcessGuid=guid, ProcessId=pid, RuleName='-')


def quiet_baseline(start, minutes=30):
    """One Office autosave a minute, for `minutes` minutes."""
    return [created_file(start + sec(60 * m + 17), WINWORD,
                         'C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Word\\~WRL%04d.tmp' % m,
                         guid='{6f3c1a2b-8eb9-6383-b1f4-000000002210}', pid='2210') for m in range(minutes)]


def encryption(start, files):
    """Ransomware: writes <file>.locked then deletes the original, two events a file, within one minute."""
    out = []
    for i in range(files):
        doc = 'C:\\Users\\jdoe\\Documents\\Finance\\report_%03d.xlsx' % i
        at = start + datetime.timedelta(milliseconds=500 * i)
        out.append(created_file(at, RANSOM, doc + '.locked'))
        out.append(deleted_file(at + datetime.timedelta(milliseconds=200), RANSOM, doc))
    return out


D = 'file_event/impact_mass_file_changes_spike/'
T0 = t('2026-11-17 09:30:00')
write(D + 'match/encryption_after_quiet_baseline.ndjson', *quiet_baseline(T0), *encryption(T0 + sec(30 * 60), 55))
write(D + 'match/wiper_deletes_after_quiet_baseline.ndjson', *quiet_baseline(T0, 40),
      *[deleted_file(T0 + sec(40 * 60 + 5) + datetime.timedelta(milliseconds=400 * i), RANSOM,
                     'D:\\Shares\\Projects\\plan_%03d.docx' % i) for i in range(110)])
write(D + 'nomatch/burst_without_baseline.ndjson', *encryption(T0, 60))
write(D + 'nomatch/below_floor_after_quiet_baseline.ndjson', *quiet_baseline(T0), *encryption(T0 + sec(30 * 60), 49))

# --- security/credential_access_brute_force_then_success (sequence with a count)


def failed(time, user, ip, host=WS, logon_type='3', domain='.', port=44312):
    return rec('security_4625', time, Hostname=host, TargetUserName=user, TargetDomainName=domain, IpAddress=ip,
               IpPort=str(port), LogonType=logon_type)


def guessed(start, n, user='administrator', ip='198.51.100.77', spacing=15, **kw):
    """n failures, `spacing` seconds apart: 15 s keeps any 2 minutes under the brute-force rule's 10."""
    return [failed(start + sec(spacing * i), user, ip, port=44312 + i, **kw) for i in range(n)]


def success(time, user, ip, host=WS, logon_type='3', workstation='KALI'):
    fields = dict(Hostname=host, TargetUserName=user, TargetDomainName='FIN-WS07', IpAddress=ip, LogonType=logon_type,
                  WorkstationName=workstation, TargetUserSid=WS_SID + '-500')
    if logon_type == '10':
        fields.update(LogonProcessName='User32 ', AuthenticationPackageName='Negotiate')
    return rec('security_4624', time, **fields)


D = 'security/credential_access_brute_force_then_success/'
T0 = t('2026-11-17 11:40:00')
write(D + 'match/smb_guessing_then_network_logon.ndjson',
      *guessed(T0, 12), success(T0 + sec(12 * 15 + 4), 'Administrator', '198.51.100.77'))
write(D + 'match/rdp_guessing_then_rdp_logon_9min.ndjson',
      *guessed(T0, 10, user='jdoe', ip='192.0.2.140', spacing=50, logon_type='10', domain='CORP'),
      success(T0 + sec(9 * 60), 'jdoe', '192.0.2.140', logon_type='10', workstation='WIN-7F2K'))
write(D + 'nomatch/nine_failures_then_logon.ndjson',
      *guessed(T0, 9), success(T0 + sec(9 * 15 + 4), 'Administrator', '198.51.100.77'))
write(D + 'nomatch/logon_from_another_source.ndjson',
      *guessed(T0, 12), success(T0 + sec(12 * 15 + 4), 'Administrator', '192.0.2.51', workstation='OPS-JUMP01'))
write(D + 'nomatch/logon_after_the_10min_window.ndjson',
      *guessed(T0, 10, spacing=30), success(T0 + sec(9 * 30 + 10 * 60 + 1), 'Administrator', '198.51.100.77'))
write(D + 'nomatch/another_account_logs_on.ndjson',
      *guessed(T0, 12), success(T0 + sec(12 * 15 + 4), 'svc_backup', '198.51.100.77'))
