@echo off
rem Runs the Iterdef agent and starts it again after agent.update (exit code 75). On Windows the running jar
rem cannot be replaced: the update leaves iterdef-agent.jar.new, moved into place here before the restart.
rem   iterdef-agent.cmd C:\ProgramData\Iterdef\agent.properties
setlocal
set "DIR=%~dp0"
if "%JAVA%"=="" set "JAVA=java"
:run
"%JAVA%" %ITERDEF_AGENT_JAVA_OPTS% -jar "%DIR%iterdef-agent.jar" %*
set "CODE=%ERRORLEVEL%"
if not "%CODE%"=="75" exit /b %CODE%
if exist "%DIR%iterdef-agent.jar.new" move /y "%DIR%iterdef-agent.jar.new" "%DIR%iterdef-agent.jar" >nul || exit /b 1
echo iterdef-agent.cmd: updated, starting the new version 1>&2
goto run
