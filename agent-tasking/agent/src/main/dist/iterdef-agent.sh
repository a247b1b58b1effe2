#!/bin/sh
# Runs the Iterdef agent and starts it again after agent.update (exit code 75): the update has already replaced
# iterdef-agent.jar next to this script. Any other exit code ends the script with that code.
#   sh iterdef-agent.sh /etc/iterdef/agent.properties
# JAVA (default: java on the PATH) and ITERDEF_AGENT_JAVA_OPTS (e.g. -Xmx64m) are optional.
dir=$(cd "$(dirname "$0")" && pwd)
while :; do
	# shellcheck disable=SC2086
	"${JAVA:-java}" $ITERDEF_AGENT_JAVA_OPTS -jar "$dir/iterdef-agent.jar" "$@"
	code=$?
	if [ "$code" -ne 75 ]; then
		exit "$code"
	fi
	if [ -f "$dir/iterdef-agent.jar.new" ]; then
		mv -f "$dir/iterdef-agent.jar.new" "$dir/iterdef-agent.jar" || exit 1
	fi
	echo "iterdef-agent.sh: updated, starting the new version" >&2
done
