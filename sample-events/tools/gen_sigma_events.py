#!/usr/bin/env python3
"""Near-miss and variant events for the Sigma converter's acceptance test (detection-kb SigmaAcceptanceTest).

Each case is an existing rule fixture of sample-events with a few fields changed, so the records stay real NXLog
im_msvistalog JSON. Writes detection-kb/src/test/resources/sigma/events/*.json|ndjson; run from the repository root.
"""
import json
import os

FIXTURES = "sample-events/src/main/resources/rules/windows"
OUT = "detection-kb/src/test/resources/sigma/events"


def load(path):
    with open(os.path.join(FIXTURES, path), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def message(record, old, new):
    record["Message"] = record.get("Message", "").replace(old, new)


def write(name, records):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    enc = "process_creation/execution_encoded_powershell/match/sysmon1_nop_hidden_enc.json"

    # windash: '/' and an en dash instead of '-' (cmd.exe and PowerShell accept both)
    for name, dash in (("sysmon1_powershell_slash_enc.json", "/"), ("sysmon1_powershell_en_dash_enc.json", "\u2013")):
        r = load(enc)[0]
        old = r["CommandLine"]
        r["CommandLine"] = old.replace(" -nop -w hidden -enc ", f" {dash}nop {dash}w hidden {dash}enc ")
        message(r, old, r["CommandLine"])
        write(name, [r])

    # cidr: the same PowerShell beacon to an IPv6 documentation address, and to another IPv6 range
    beacon = "network_connection/command_and_control_script_host_nonstandard_port/match/sysmon3_powershell_4444.json"
    for name, ip in (("sysmon3_powershell_ipv6_2001_db8.json", "2001:db8:0:1::23"), ("sysmon3_powershell_ipv6_fd00.json", "fd00::23")):
        r = load(beacon)[0]
        old = r["DestinationIp"]
        r["DestinationIp"] = ip
        r["DestinationIsIpv6"] = "true"
        message(r, old, ip)
        write(name, [r])

    # temporal / temporal_ordered: the task registered (4698) before the schtasks process, and 6 minutes after it
    task = load("process_creation/persistence_scheduled_task_created/match/schtasks_4688_4698_106_one_task.ndjson")
    sysmon1, sec4688, sec4698 = task[0], task[1], task[2]

    reversed_4698 = dict(sec4698)
    reversed_4698["EventTime"] = "2026-11-17 09:34:20"
    write("task_registered_before_schtasks.ndjson", [reversed_4698, sysmon1])

    late_4698 = dict(sec4698)
    late_4698["EventTime"] = "2026-11-17 09:40:33"
    late_4698["RecordNumber"] = sec4698["RecordNumber"] + 40
    write("schtasks_then_task_6min_later.ndjson", [sysmon1, late_4698])

    # escaping: a run key whose value name has quotes, a star and regex metacharacters
    run = load("registry_event/persistence_run_key_value_set/match/sysmon13_hku_run_temp_exe.json")[0]
    old = run["TargetObject"]
    run["TargetObject"] = old.replace("\\OneDriveSync", '\\Upd "x" *(1).+?')
    message(run, old, run["TargetObject"])
    write("sysmon13_run_value_name_metacharacters.json", [run])
    other = dict(run)
    other["TargetObject"] = old.replace("\\OneDriveSync", '\\Upd "x" X(1).+?')
    message(other, old, other["TargetObject"])
    write("sysmon13_run_value_name_no_star.json", [other])


if __name__ == "__main__":
    main()
