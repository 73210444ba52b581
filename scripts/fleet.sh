#!/usr/bin/env bash
# A fleet of sellers tried on one machine.
# scripts/fleet.sh services up
#   Starts the services a fleet shares, a RabbitMQ node and a PostgreSQL server on 127.0.0.1, and
#   prints the variables the application reads:
#     eval "$(scripts/fleet.sh services up)"
#   They keep their data from one up to the next in ${OPTOUT_FLEET_SERVICES:-$HOME/.optout-fleet}
#   (for root /var/lib/optout-fleet: the postgres user the server runs as cannot enter /root),
#   rabbitmq/ and postgres/; the first up creates them, with the user, role and database optout
#   (password optout). Ports: RabbitMQ ${OPTOUT_FLEET_RABBITMQ_PORT:-5672}, PostgreSQL
#   ${OPTOUT_FLEET_POSTGRES_PORT:-5432}. Up again while they run only prints the variables.
#   Debian's rabbitmq-server and postgresql are installed when missing (see the two scripts below).
# scripts/fleet.sh services down
#   Stops both; their data stays.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ "$(id -u)" -eq 0 ]]; then
  services="${OPTOUT_FLEET_SERVICES:-/var/lib/optout-fleet}"
else
  services="${OPTOUT_FLEET_SERVICES:-$HOME/.optout-fleet}"
fi
rabbitmq_port="${OPTOUT_FLEET_RABBITMQ_PORT:-5672}"
postgres_port="${OPTOUT_FLEET_POSTGRES_PORT:-5432}"

usage() {
  echo "usage: $0 services up|down" >&2
  exit 2
}

# the test servers' scripts, with a folder of their own: they keep its data
rabbitmq() {
  OPTOUT_TEST_RABBITMQ_DATA="$services/rabbitmq" OPTOUT_TEST_RABBITMQ_PORT="$rabbitmq_port" \
    OPTOUT_TEST_RABBITMQ_NODE=optout-fleet@localhost "$project/scripts/rabbitmq-test-server.sh" "$@"
}

postgres() {
  OPTOUT_TEST_POSTGRES_DATA="$services/postgres" OPTOUT_TEST_POSTGRES_PORT="$postgres_port" \
    "$project/scripts/postgres-test-server.sh" "$@"
}

services_up() {
  mkdir -p "$services"
  local environment
  environment="$(postgres start)"
  eval "$environment"
  environment="$(rabbitmq start)"
  eval "$environment"
  echo "export OPTOUT_DB_URL=$OPTOUT_TEST_POSTGRES_URL OPTOUT_DB_USER=$OPTOUT_TEST_POSTGRES_USER" \
    "OPTOUT_DB_PASSWORD=$OPTOUT_TEST_POSTGRES_PASSWORD"
  echo "export SPRING_RABBITMQ_HOST=$OPTOUT_TEST_RABBITMQ_HOST SPRING_RABBITMQ_PORT=$OPTOUT_TEST_RABBITMQ_PORT" \
    "SPRING_RABBITMQ_USERNAME=$OPTOUT_TEST_RABBITMQ_USER SPRING_RABBITMQ_PASSWORD=$OPTOUT_TEST_RABBITMQ_PASSWORD"
}

services_down() {
  [[ -d "$services" ]] || return 0
  local failed=""
  rabbitmq stop || failed=yes
  postgres stop || failed=yes
  [[ -z "$failed" ]]
}

case "${1:-}" in
  services)
    case "${2:-}" in
      up) services_up ;;
      down) services_down ;;
      *) usage ;;
    esac
    ;;
  *) usage ;;
esac
