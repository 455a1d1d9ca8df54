# nginx serving a directory of static files on a Unix socket: the transport floor the load
# and scale benchmarks set the daemon beside (a C server on this machine, in the same run).
# Usage (sourced): start_nginx WORK_DIR WWW_DIR   → sets NGINX (pid) and NGINX_SOCKET.
start_nginx() {
  local work=$1 www=$2
  mkdir -p "$work"
  chmod 755 "$work"; chmod -R a+rX "$www"   # nginx workers run as nobody
  cat > "$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  client_body_temp_path $work/body;
  server { listen unix:$work/nginx.sock; root $www; default_type application/json; }
}
CONF
  nginx -c "$work/nginx.conf" &
  NGINX=$!
  NGINX_SOCKET=$work/nginx.sock
  for _ in $(seq 100); do [ -S "$NGINX_SOCKET" ] && break; sleep 0.1; done
}
