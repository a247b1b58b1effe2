# Fixtures of "LSASS accessor confirmed on the host": the LSASS access fixture of the first rule plus agent-result
# records shaped as the agent server publishes them (AgentResultRecord, the agent executors' data). Run from anywhere.
import json, os, copy
import pathlib
base=str(pathlib.Path(__file__).resolve().parent.parent / 'src/main/resources/rules/windows/process_access') + '/'
lsass=json.loads(open(base+'credential_access_lsass_access/match/procdump_0x1fffff.json').read().strip())
def agent(task_id, ttype, finished, data, params=None, status="succeeded", error=None, host="fin-ws07.corp.example.org", os_="windows", source="rule", requested_by="1f5545ce-c189-4794-bf62-026bcf939c2e", uploads=None):
    return {"recordType":"agent-result","version":1,"taskId":task_id,"taskType":ttype,"params":params or {},
            "status":status,"error":error,"finishedAt":finished,"attempt":1,"requestedBy":requested_by,"source":source,
            "host":host,"os":os_,"agentId":"7d8c2f1e-5b3a-4c9d-8e1f-2a3b4c5d6e7f","data":data,"uploads":uploads or []}
def plist(tid, finished, procs, **kw):
    return agent(tid,"process.list",finished,{"processes":procs,"count":len(procs)},**kw)
def fhash(tid, finished, path, sha, **kw):
    return agent(tid,"file.hash",finished,{"path":path,"size":1048576,"sha256":sha,"sha1":"a"*40,"md5":"b"*32},params={"path":path},**kw)
def proc(pid, exe, ppid=4012, user="CORP\\jdoe", args=None):
    p={"pid":pid,"ppid":ppid,"executable":exe}
    if args is not None: p["args"]=args
    p["commandLine"]=exe + (" " + " ".join(args) if args else "")
    p["user"]=user; p["start"]="2026-11-17T09:30:58.120Z"
    return p
img=lsass["SourceImage"]
others=[proc(4,"System",ppid=0,user="NT AUTHORITY\\SYSTEM"),proc(768,"C:\\Windows\\System32\\lsass.exe",ppid=620,user="NT AUTHORITY\\SYSTEM")]
sha="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
def write(path, lines, also=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path,'w') as f:
        for l in lines: f.write(json.dumps(l, separators=(',',':'))+"\n")
    if also:
        with open(path.rsplit('.',1)[0]+'.also','w') as f:
            f.write("# the LSASS access itself fires the rule that requested the collection\n"+also+"\n")
conf=base+'credential_access_lsass_accessor_confirmed/'
T1="11111111-1111-4111-8111-111111111111"; T2="22222222-2222-4222-8222-222222222222"
write(conf+'match/procdump_still_running_hashed.ndjson',[lsass,
    plist(T1,"2026-11-17T09:31:40.512Z",others+[proc(6120,img,args=["-ma","lsass.exe","l.dmp"])]),
    fhash(T2,"2026-11-17T09:31:41.020Z",img,sha)],"credential_access_lsass_access")
# a Linux agent: POSIX paths, the e2e test's shape
lx=copy.deepcopy(lsass); lx["Hostname"]="lab-lx01.corp.example.org"; lx["SourceImage"]="/tmp/iterdef-e2e/tool.exe"; lx["SourceProcessId"]="31337"
lx["Message"]=lx["Message"].replace("C:\\Users\\jdoe\\Downloads\\procdump64.exe","/tmp/iterdef-e2e/tool.exe").replace("6120","31337")
write(conf+'match/linux_agent_posix_image.ndjson',[lx,
    fhash(T2,"2026-11-17T09:32:10.000Z","/tmp/iterdef-e2e/tool.exe",sha,host="lab-lx01.corp.example.org",os_="linux"),
    plist(T1,"2026-11-17T09:32:11.000Z",[proc(1,"/usr/lib/systemd/systemd",ppid=0,user="root"),proc(31337,"/tmp/iterdef-e2e/tool.exe",ppid=1,user="root",args=["--dump"])],host="lab-lx01.corp.example.org",os_="linux")],
    "credential_access_lsass_access")
# pid reused by another image: not confirmed
write(conf+'nomatch/pid_runs_another_image.ndjson',[lsass,
    plist(T1,"2026-11-17T09:31:40.512Z",others+[proc(6120,"C:\\Windows\\System32\\notepad.exe")]),
    fhash(T2,"2026-11-17T09:31:41.020Z",img,sha)],"credential_access_lsass_access")
# the hash failed (file gone): not confirmed
write(conf+'nomatch/image_hash_failed.ndjson',[lsass,
    plist(T1,"2026-11-17T09:31:40.512Z",others+[proc(6120,img)]),
    agent(T2,"file.hash","2026-11-17T09:31:41.020Z",None,params={"path":img},status="failed",error="no such file: "+img)],"credential_access_lsass_access")
# answers more than 30 minutes later
write(conf+'nomatch/answers_after_30_minutes.ndjson',[lsass,
    plist(T1,"2026-11-17T10:05:40.512Z",others+[proc(6120,img)]),
    fhash(T2,"2026-11-17T10:05:41.020Z",img,sha)],"credential_access_lsass_access")
# agent results alone (an analyst's process list and hash): nothing
write(conf+'nomatch/agent_results_without_access.ndjson',[
    plist(T1,"2026-11-17T09:31:40.512Z",others+[proc(6120,img)],source="analyst",requested_by="alice"),
    fhash(T2,"2026-11-17T09:31:41.020Z",img,sha,source="analyst",requested_by="alice")])
