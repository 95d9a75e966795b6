# shellcheck shell=bash
# Sourced by .ci/run: starts the machine's PostgreSQL and MariaDB/MySQL when
# they are installed but not running, and exports the connection strings that
# @backstage/backend-test-utils' TestDatabases reads.

PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=postgres
MYSQL_HOST=127.0.0.1 MYSQL_PORT=3306 MYSQL_USER=root

wait_for() { # wait_for <what> <seconds> <command…>
  local what=$1 secs=$2
  shift 2
  for _ in $(seq "$secs"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "[ci] $what did not come up" >&2
  return 1
}

pg_up() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }
mysql_up() { mysqladmin ping -h "$MYSQL_HOST" -P "$MYSQL_PORT" -u "$MYSQL_USER" --silent; }

ci_databases_setup() {
  if command -v pg_isready >/dev/null 2>&1; then
    if ! pg_up; then
      echo "[ci] starting PostgreSQL" >&2
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
      wait_for PostgreSQL 30 pg_up
    fi
    # TestDatabases names its PostgreSQL targets by major version.
    local major
    major=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -tAc 'SHOW server_version_num' | awk '{ print int($1 / 10000) }')
    case "$major" in 9|11|12|13|14|15|16|17|18) ;; *) major=17 ;; esac
    export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://${PG_USER}@${PG_HOST}:${PG_PORT}"
    echo "[ci] PostgreSQL ${major} at ${PG_HOST}:${PG_PORT}" >&2
  else
    echo "[ci] PostgreSQL is not installed on this machine" >&2
  fi

  if command -v mysqladmin >/dev/null 2>&1; then
    if ! mysql_up; then
      echo "[ci] starting MariaDB/MySQL" >&2
      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
      wait_for MySQL 30 mysql_up
    fi
    # TestDatabases insists on a password, and root has none here: a test
    # user of its own, allowed to create the databases each test asks for.
    mysql -h "$MYSQL_HOST" -P "$MYSQL_PORT" -u "$MYSQL_USER" <<SQL
CREATE USER IF NOT EXISTS 'postmortems_test'@'%' IDENTIFIED BY 'postmortems_test';
CREATE USER IF NOT EXISTS 'postmortems_test'@'localhost' IDENTIFIED BY 'postmortems_test';
GRANT ALL PRIVILEGES ON *.* TO 'postmortems_test'@'%';
GRANT ALL PRIVILEGES ON *.* TO 'postmortems_test'@'localhost';
SQL
    export "BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING=mysql://postmortems_test:postmortems_test@${MYSQL_HOST}:${MYSQL_PORT}/mysql"
    echo "[ci] MySQL-compatible server at ${MYSQL_HOST}:${MYSQL_PORT}" >&2
  else
    echo "[ci] MariaDB/MySQL is not installed on this machine" >&2
  fi

  # The database tests fail, rather than quietly fall back to SQLite only,
  # when these engines are not among the databases they ran on.
  export POSTMORTEMS_TEST_REQUIRED_DATABASES="postgres,mysql"
}
