#!/usr/bin/env bash
# Starts a throwaway RabbitMQ node for the tests (installing Debian's package rabbitmq-server when
# the machine has none) and prints the variables the tests read:
#   eval "$(scripts/rabbitmq-test-server.sh start)"   ...   scripts/rabbitmq-test-server.sh stop
# The node, optout-test-<port>@localhost, lives in /tmp/optout-test-rabbitmq-<port> (its database,
# logs, configuration and Erlang cookie) and runs as the calling user, root included, with that
# folder as its HOME. It listens on 127.0.0.1 only: AMQP on ${OPTOUT_TEST_RABBITMQ_PORT:-56729},
# the Erlang distribution on that port + 20000 and a port mapper (epmd) of its own on that port
# + 10000 (- 20000 and - 10000 when above 65535), so that it meets no other Erlang node of the
# machine and stop leaves nothing running. One user, optout/optout, with all permissions on the
# vhost /, and no guest. consumer_timeout is 10 hours: a worker holds one delivery unacknowledged
# for a whole seller's night, and the default 30 minutes would close its channel.
# OPTOUT_TEST_RABBITMQ_DATA=<folder> keeps the node in that folder instead, from one start to the
# next (scripts/fleet.sh); OPTOUT_TEST_RABBITMQ_NODE=<name>@localhost names it.
set -euo pipefail

port="${OPTOUT_TEST_RABBITMQ_PORT:-56729}"
if [[ -n "${OPTOUT_TEST_RABBITMQ_DATA:-}" ]]; then
  home="$(realpath -m "$OPTOUT_TEST_RABBITMQ_DATA")" keep=yes
else
  home="/tmp/optout-test-rabbitmq-$port" keep=""
fi
node="${OPTOUT_TEST_RABBITMQ_NODE:-optout-test-$port@localhost}"
dist_port=$((port + 20000 <= 65535 ? port + 20000 : port - 20000))
epmd_port=$((port + 10000 <= 65535 ? port + 10000 : port - 10000))
# the package's own scripts: the ones in /usr/sbin run everything as the rabbitmq user in /var/lib/rabbitmq
bin=/usr/lib/rabbitmq/bin
pid_file="$home/rabbitmq.pid"

install_rabbitmq() {
  echo "installing RabbitMQ (Debian package rabbitmq-server)" >&2
  export DEBIAN_FRONTEND=noninteractive
  # The package's postinst starts the machine's own node (rabbit@<host> on port 5672) unless a
  # policy-rc.d forbids it; without systemd, that start may hang or fail the install.
  local policy=/usr/sbin/policy-rc.d
  if [[ -e "$policy" ]]; then
    apt-get update -qq >&2
    apt-get install -y -qq rabbitmq-server >&2
  else
    (
      trap 'rm -f "$policy"' EXIT
      printf '#!/bin/sh\n# no service starts while rabbitmq-server is installed\nexit 101\n' >"$policy"
      chmod 755 "$policy"
      apt-get update -qq >&2
      apt-get install -y -qq rabbitmq-server >&2
    )
  fi
}

# the environment of the package's scripts (rabbitmq-server, rabbitmqctl, rabbitmq-diagnostics...) for this node
rabbit_env=(
  HOME="$home"
  RABBITMQ_NODENAME="$node"
  RABBITMQ_CONF_ENV_FILE="$home/rabbitmq-env.conf"
  RABBITMQ_CONFIG_FILE="$home/rabbitmq.conf"
  RABBITMQ_ADVANCED_CONFIG_FILE="$home/advanced.config"
  RABBITMQ_ENABLED_PLUGINS_FILE="$home/enabled_plugins"
  RABBITMQ_MNESIA_BASE="$home/mnesia"
  RABBITMQ_LOG_BASE="$home/log"
  RABBITMQ_PID_FILE="$pid_file"
  RABBITMQ_DIST_PORT="$dist_port"
  ERL_EPMD_PORT="$epmd_port"
  ERL_EPMD_ADDRESS=127.0.0.1
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
)

rabbit() {
  local script="$1"
  shift
  (cd "$home" && exec env "${rabbit_env[@]}" "$bin/$script" "$@")
}

# the node's Erlang VM, if the pid file names one still alive (not a pid reused since a kill -9)
node_pid() {
  local pid
  pid="$(cat "$pid_file" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- " -home $home " \
    && echo "$pid"
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

configure() {
  mkdir -p "$home/log" "$home/mnesia"
  chmod 700 "$home"
  [[ -f "$home/rabbitmq-env.conf" ]] || : >"$home/rabbitmq-env.conf"
  [[ -f "$home/enabled_plugins" ]] || echo "[]." >"$home/enabled_plugins"
  [[ -f "$home/advanced.config" ]] || echo "[]." >"$home/advanced.config"
  # default_user and its permissions are made when the node starts on an empty database only
  cat >"$home/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port
consumer_timeout = 36000000
default_vhost = /
default_user = optout
default_pass = optout
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.console = false
log.file.level = info
log.file.rotation.size = 10485760
log.file.rotation.count = 5
EOF
  if [[ ! -f "$home/.erlang.cookie" ]]; then
    (umask 077 && openssl rand -hex 20 >"$home/.erlang.cookie")
  fi
  chmod 400 "$home/.erlang.cookie"
}

start() {
  [[ -x "$bin/rabbitmq-server" ]] || install_rabbitmq
  if [[ -n "$keep" ]] && node_pid >/dev/null; then
    if ! grep -qxF "listeners.tcp.1 = 127.0.0.1:$port" "$home/rabbitmq.conf"; then
      echo "RabbitMQ node $node is running in $home on another port: stop it first" >&2
      exit 1
    fi
    print_environment
    return
  fi
  # also ends the port mapper a node killed with kill -9 leaves behind
  stop >/dev/null 2>&1 || true
  [[ -n "$keep" ]] || rm -rf "$home"
  configure
  local taken
  for taken in "$port" "$dist_port" "$epmd_port"; do
    if port_taken "$taken"; then
      echo "port $taken is already taken: set OPTOUT_TEST_RABBITMQ_PORT to another one" >&2
      exit 1
    fi
  done
  (cd "$home" && exec setsid env "${rabbit_env[@]}" "$bin/rabbitmq-server") >"$home/log/startup.log" 2>&1 </dev/null &
  # waits for the node to start its applications; gives up as soon as its launcher, the shell
  # script that runs the Erlang VM and ends with it, has ended
  if ! rabbit rabbitmqctl -q -n "$node" wait --pid "$!" --timeout 120 >/dev/null 2>&1; then
    echo "RabbitMQ node $node did not start; the end of its logs:" >&2
    tail -n 20 "$home/log/startup.log" "$home/log/$node.log" >&2 2>/dev/null || true
    stop >/dev/null 2>&1 || true
    exit 1
  fi
  print_environment
}

print_environment() {
  echo "export OPTOUT_TEST_RABBITMQ_HOST=127.0.0.1 OPTOUT_TEST_RABBITMQ_PORT=$port" \
    "OPTOUT_TEST_RABBITMQ_USER=optout OPTOUT_TEST_RABBITMQ_PASSWORD=optout"
}

stop() {
  [[ -d "$home" ]] || return 0
  local pid
  if pid="$(node_pid)"; then
    # with the pid file, stop returns once the VM has ended
    if ! rabbit rabbitmqctl -q -n "$node" stop "$pid_file" >/dev/null 2>&1; then
      kill -TERM "$pid" 2>/dev/null || true
      local waited=0
      while kill -0 "$pid" 2>/dev/null && ((waited++ < 60)); do sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  # the node's own port mapper; it refuses while a node is still registered with it
  if port_taken "$epmd_port"; then
    ERL_EPMD_PORT="$epmd_port" epmd -kill >/dev/null 2>&1 || true
    local waited=0
    while port_taken "$epmd_port" && ((waited++ < 20)); do sleep 0.25; done
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
