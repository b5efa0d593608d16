#!/usr/bin/env bash
# A real Tryton 6.0 ERP for Loop CRM's erp tests, on this machine (Debian 12, run as root).
#
#   scripts/tryton.sh up       install what is missing, start everything, wait until trytond answers
#   scripts/tryton.sh reset    give the tests a clean ERP: re-copy the working database from the template
#   scripts/tryton.sh down     stop trytond and the PostgreSQL cluster
#   scripts/tryton.sh status   say what is up
#   scripts/tryton.sh env      print the variables the tests read: eval "$(scripts/tryton.sh env)"
#
# Activating the modules costs ~2 minutes, so it is done once into a template database; the working
# database is a copy of it, which PostgreSQL makes in under a second. See scripts/README.md.
set -euo pipefail

readonly STATE=${LOOPCRM_TRYTON_HOME:-/var/tmp/loopcrm-tryton}
readonly TRYTON_PORT=${TRYTON_PORT:-8000}
readonly TRYTON_PG_PORT=${TRYTON_PG_PORT:-5433}
readonly PG_VERSION=15
# Another cluster name gives a wholly separate ERP (with its own TRYTON_PG_PORT and state dir).
readonly CLUSTER=${TRYTON_PG_CLUSTER:-tryton}
readonly PG_ROLE=loopcrm_tryton
# Another name gives a second, independent working database (with TRYTON_PORT: a second trytond).
readonly DB=${TRYTON_DB:-loopcrm}
readonly TEMPLATE=loopcrm_tryton_tpl
readonly MODULES=(party company currency product stock sale sale_opportunity account account_invoice
  account_product account_credit_limit production project project_invoice)
readonly PACKAGES=(tryton-server tryton-proteus python3-psycopg2 postgresql
  tryton-modules-{party,company,currency,product,stock,sale,sale-opportunity,account,account-invoice,account-product,account-credit-limit,production,project,project-invoice})
# proteus is installed for Debian's python; another python3 may come first on PATH.
readonly PYTHON=/usr/bin/python3
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly HERE

# The default database keeps the plain names; another one gets its own conf, pid and log.
readonly SUFFIX=${DB#loopcrm}
readonly CONF=$STATE/trytond$SUFFIX.conf
readonly PIDFILE=$STATE/trytond$SUFFIX.pid
readonly LOG=$STATE/trytond$SUFFIX.log
readonly ADMIN_PASSWORD_FILE=$STATE/admin.password
readonly PG_PASSWORD_FILE=$STATE/pg.password

FRESH_ADMIN_PASSWORD=false
TEMPLATE_CHANGED=false

log() { printf '[tryton] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

secret() {
  # Hex: the database password goes into a URI in trytond.conf. (tr </dev/urandom | head would
  # die of SIGPIPE, which pipefail turns into a silent exit.)
  od -An -tx1 -N16 /dev/urandom | tr -d ' \n'
}

ensure_secret() {
  local file=$1
  if [[ ! -s $file ]]; then
    (umask 077 && secret >"$file")
  fi
  chmod 600 "$file"
}

# --- packages -------------------------------------------------------------------------------------

missing_packages() {
  local package
  for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$package"
    fi
  done
}

ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  ((${#missing[@]} == 0)) && return 0
  ((EUID == 0)) || die "packages missing (${missing[*]}): run as root"
  log "installing ${missing[*]}"
  # A fresh machine may have empty package lists; updating them costs ~10 s, so only then.
  if ! apt-cache show tryton-server >/dev/null 2>&1; then
    apt-get update -qq
  fi
  # Recommends would pull ~400 packages (LibreOffice for reports); the tests need none of them.
  # apt's "policy-rc.d denied execution of start" is expected: this script starts what it needs.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    >"$STATE/apt.log" 2>&1 || die "apt-get install failed; tail of $STATE/apt.log: $(tail -20 "$STATE/apt.log")"
}

# --- PostgreSQL -----------------------------------------------------------------------------------

cluster_exists() { pg_lsclusters -h 2>/dev/null | awk -v c="$CLUSTER" -v v=$PG_VERSION '$1 == v && $2 == c' | grep -q .; }
cluster_online() { pg_lsclusters -h 2>/dev/null | awk -v c="$CLUSTER" -v v=$PG_VERSION '$1 == v && $2 == c && $4 == "online"' | grep -q .; }
cluster_port() { pg_lsclusters -h | awk -v c="$CLUSTER" -v v=$PG_VERSION '$1 == v && $2 == c {print $3}'; }

psql_admin() {
  PGOPTIONS='-c client_min_messages=warning' runuser -u postgres -- psql -X -q -tA -v ON_ERROR_STOP=1 -p "$(cluster_port)" -d "${PSQL_DB:-postgres}" "$@"
}

database_exists() {
  [[ $(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$1'") == 1 ]]
}

ensure_cluster() {
  if ! cluster_exists; then
    log "creating PostgreSQL cluster $PG_VERSION/$CLUSTER on port $TRYTON_PG_PORT"
    # A cluster of its own: the machine's main cluster (5432) is never touched. manual: it does not
    # start at boot, only through this script.
    pg_createcluster $PG_VERSION "$CLUSTER" -p "$TRYTON_PG_PORT" --start-conf=manual >&2
    # Written directly: pg_conftool quotes an address wrongly. A throwaway test database can trade
    # durability for commit latency.
    cat >"/etc/postgresql/$PG_VERSION/$CLUSTER/conf.d/loopcrm-tryton.conf" <<'EOF'
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi
  if [[ $(cluster_port) != "$TRYTON_PG_PORT" ]]; then
    log "cluster $PG_VERSION/$CLUSTER listens on $(cluster_port), not TRYTON_PG_PORT=$TRYTON_PG_PORT: using $(cluster_port)"
  fi
  if ! cluster_online; then
    pg_ctlcluster $PG_VERSION "$CLUSTER" start
  fi
  # The role's password lives in the state dir; setting it every time keeps the two in step even
  # when the state dir was removed and made anew.
  local fresh_password=false
  [[ -s $PG_PASSWORD_FILE ]] || fresh_password=true
  ensure_secret "$PG_PASSWORD_FILE"
  # The password goes through stdin, not the command line other users can read.
  if [[ $(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'") != 1 ]]; then
    psql_admin <<<"CREATE ROLE $PG_ROLE LOGIN PASSWORD '$(<"$PG_PASSWORD_FILE")'"
  elif $fresh_password; then
    # The state dir was made anew and the old password went with it. Only then: changing it under
    # a trytond that still runs on the old one would break its next connection.
    psql_admin <<<"ALTER ROLE $PG_ROLE PASSWORD '$(<"$PG_PASSWORD_FILE")'"
  fi
}

# --- trytond configuration and databases ----------------------------------------------------------

write_conf() {
  mkdir -p "$STATE/data"
  if [[ ! -s $ADMIN_PASSWORD_FILE ]]; then
    ensure_secret "$ADMIN_PASSWORD_FILE"
    FRESH_ADMIN_PASSWORD=true
  fi
  (umask 077 && cat >"$CONF.new" <<EOF
# Written by scripts/tryton.sh: edits are overwritten.
[database]
uri = postgresql://$PG_ROLE:$(<"$PG_PASSWORD_FILE")@127.0.0.1:$(cluster_port)/
path = $STATE/data

[web]
listen = 127.0.0.1:$TRYTON_PORT
EOF
  )
  mv "$CONF.new" "$CONF"
}

# True when the database holds the fixture and a fiscal year for today. The fiscal year is per
# calendar year, so a template made in December lacks one in January.
setup_complete() {
  [[ $(PSQL_DB=$1 psql_admin -c "
    SELECT (SELECT count(*) FROM product_template WHERE code IN ('WIDGET','GADGET','ASSEMBLY','SERVICE')) = 4
       AND EXISTS (SELECT 1 FROM account_fiscalyear WHERE current_date BETWEEN start_date AND end_date)" \
    2>/dev/null) == t ]]
}

run_setup() {
  log "business data setup in $1"
  "$PYTHON" "$HERE/tryton_setup.py" --config "$CONF" --database "$1" >&2
}

ensure_template() {
  if ! database_exists $TEMPLATE; then
    # Built under another name and renamed at the end, so an interrupted build is never taken for
    # a template.
    local build=${TEMPLATE}_build
    psql_admin -c "DROP DATABASE IF EXISTS $build WITH (FORCE)"
    psql_admin -c "CREATE DATABASE $build OWNER $PG_ROLE ENCODING 'UTF8' TEMPLATE template0"
    log "activating modules in $build (about 2 minutes)"
    TRYTONPASSFILE=$ADMIN_PASSWORD_FILE trytond-admin -c "$CONF" -d $build -u "${MODULES[@]}" \
      --activate-dependencies --email admin@example.com -v >"$STATE/trytond-admin.log" 2>&1 ||
      die "trytond-admin failed; tail of $STATE/trytond-admin.log: $(tail -20 "$STATE/trytond-admin.log")"
    run_setup $build
    psql_admin -c "ALTER DATABASE $build RENAME TO $TEMPLATE"
  else
    if $FRESH_ADMIN_PASSWORD; then
      set_admin_password $TEMPLATE
    fi
    # A template made before a module joined the list gets it now, and the working database is
    # copied anew from it (the state it held is test data).
    local missing
    missing=$(modules_missing $TEMPLATE)
    if [[ -n $missing ]]; then
      log "activating $missing in $TEMPLATE"
      # shellcheck disable=SC2086 # one word per module
      TRYTONPASSFILE=$ADMIN_PASSWORD_FILE trytond-admin -c "$CONF" -d $TEMPLATE -u $missing \
        --activate-dependencies -v >>"$STATE/trytond-admin.log" 2>&1 ||
        die "trytond-admin failed; tail of $STATE/trytond-admin.log: $(tail -20 "$STATE/trytond-admin.log")"
      TEMPLATE_CHANGED=true
    fi
    if ! setup_complete $TEMPLATE; then
      run_setup $TEMPLATE
    fi
  fi
}

# The modules of MODULES not activated in database $1, one per line.
modules_missing() {
  local active
  active=" $(PSQL_DB=$1 psql_admin -c "SELECT string_agg(name, ' ') FROM ir_module WHERE state = 'activated'") "
  local m
  for m in "${MODULES[@]}"; do
    [[ $active == *" $m "* ]] || printf '%s\n' "$m"
  done
}

# The state dir was made anew while the databases stayed: they get the new admin password.
set_admin_password() {
  log "setting the admin password of $1"
  TRYTONPASSFILE=$ADMIN_PASSWORD_FILE trytond-admin -c "$CONF" -d "$1" -p >>"$STATE/trytond-admin.log" 2>&1 ||
    die "trytond-admin -p failed; tail of $STATE/trytond-admin.log: $(tail -20 "$STATE/trytond-admin.log")"
}

copy_database() {
  psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  psql_admin -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE OWNER $PG_ROLE"
}

ensure_database() {
  if $TEMPLATE_CHANGED && database_exists "$DB"; then
    log "copying $TEMPLATE to $DB again: the template gained modules"
    # trytond caches what it read from the database; it must not outlive the copy it read from.
    stop_trytond KILL
    copy_database
  elif ! database_exists "$DB"; then
    log "copying $TEMPLATE to $DB"
    copy_database
  else
    if $FRESH_ADMIN_PASSWORD; then
      set_admin_password "$DB"
    fi
    if ! setup_complete "$DB"; then
      # Kept rather than re-copied: it may hold data someone is looking at.
      run_setup "$DB"
    fi
  fi
}

# --- trytond process ------------------------------------------------------------------------------

trytond_pid() {
  local pid
  [[ -s $PIDFILE ]] || return 1
  pid=$(<"$PIDFILE")
  # The pid alone could have been reused by another process since.
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q trytond || return 1
  printf '%s\n' "$pid"
}

trytond_answers() {
  "$PYTHON" - "http://127.0.0.1:$TRYTON_PORT/" <<'EOF' >/dev/null 2>&1
import json, sys, urllib.request
body = json.dumps({"id": 0, "method": "common.server.version", "params": []}).encode()
request = urllib.request.Request(sys.argv[1], body, {"Content-Type": "application/json"})
with urllib.request.urlopen(request, timeout=2) as response:
    sys.exit(0 if "result" in json.load(response) else 1)
EOF
}

start_trytond() {
  if trytond_pid >/dev/null; then
    log "trytond already running (pid $(trytond_pid))"
  else
    if trytond_answers; then
      die "something else answers on 127.0.0.1:$TRYTON_PORT: stop it or set TRYTON_PORT"
    fi
    log "starting trytond on 127.0.0.1:$TRYTON_PORT (log $LOG)"
    # setsid: the server outlives the shell that started it.
    setsid trytond -c "$CONF" -d "$DB" --pidfile "$PIDFILE" >>"$LOG" 2>&1 </dev/null &
  fi
  local deadline=$((SECONDS + ${TRYTON_START_TIMEOUT:-60}))
  until trytond_answers; do
    if ((SECONDS >= deadline)); then
      die "trytond did not answer common.server.version within ${TRYTON_START_TIMEOUT:-60} s; tail of $LOG:
$(tail -20 "$LOG")"
    fi
    sleep 0.2
  done
}

# A zombie counts as gone: the container's init may take seconds to reap it, and kill -0 still
# succeeds on it.
alive() {
  [[ $(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null) =~ ^[^Z] ]]
}

# $1: the signal, TERM by default (INT would do nothing: a script's background job starts with
# SIGINT ignored). TERM took trytond 3-4 s to honour under load, KILL < 0.2 s.
stop_trytond() {
  local pid signal=${1:-TERM}
  pid=$(trytond_pid) || {
    rm -f "$PIDFILE"
    return 0
  }
  log "stopping trytond (pid $pid, SIG$signal)"
  kill -"$signal" "$pid"
  local deadline=$((SECONDS + 15))
  while alive "$pid"; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid"
      break
    fi
    sleep 0.1
  done
  rm -f "$PIDFILE"
}

# --- commands -------------------------------------------------------------------------------------

cmd_up() {
  mkdir -p "$STATE"
  ensure_packages
  ensure_cluster
  write_conf
  ensure_template
  ensure_database
  start_trytond
  log "up: http://127.0.0.1:$TRYTON_PORT/$DB/"
}

cmd_reset() {
  cluster_online || die "not up: run scripts/tryton.sh up"
  database_exists $TEMPLATE || die "no template $TEMPLATE: run scripts/tryton.sh up"
  # trytond caches what it read from the database; it must not outlive the copy it read from.
  # KILL: the database it could leave half-written is dropped the next moment.
  stop_trytond KILL
  copy_database
  start_trytond
  log "reset: $DB is a fresh copy of $TEMPLATE"
}

cmd_down() {
  stop_trytond
  if cluster_online; then
    pg_ctlcluster $PG_VERSION "$CLUSTER" stop
  fi
  log "down"
}

cmd_status() {
  local state rc=0
  if [[ -z $(missing_packages) ]]; then state=installed; else state=missing; rc=1; fi
  printf 'packages:   %s\n' "$state"
  if cluster_online; then state="online, port $(cluster_port)"; elif cluster_exists; then state=stopped rc=1; else state=absent rc=1; fi
  printf 'cluster:    %s/%s %s\n' $PG_VERSION "$CLUSTER" "$state"
  local db
  for db in $TEMPLATE "$DB"; do
    if ! cluster_online; then
      state="unknown (cluster not running)" rc=1
    elif database_exists "$db"; then
      state=present
    else
      state=absent rc=1
    fi
    printf 'database:   %s %s\n' "$db" "$state"
  done
  if trytond_pid >/dev/null && trytond_answers; then
    state="answering on 127.0.0.1:$TRYTON_PORT, pid $(trytond_pid)"
  elif trytond_pid >/dev/null; then
    state="running (pid $(trytond_pid)) but not answering" rc=1
  else
    state=stopped rc=1
  fi
  printf 'trytond:    %s\n' "$state"
  return $rc
}

cmd_env() {
  printf 'export TRYTON_URL=http://127.0.0.1:%s\n' "$TRYTON_PORT"
  printf 'export TRYTON_DB=%s\n' "$DB"
  printf 'export TRYTON_USER=admin\n'
  printf 'export TRYTON_PASSWORD_FILE=%s\n' "$ADMIN_PASSWORD_FILE"
}

case ${1:-} in
  up) cmd_up ;;
  reset) cmd_reset ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *)
    printf 'usage: %s up|down|status|reset|env\n' "$0" >&2
    exit 2
    ;;
esac
