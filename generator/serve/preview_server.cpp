#include "serve/preview_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "serve/watch.h"
#include "util/diagnostic.h"
#include "util/text.h"

namespace sdm {
namespace {

// Enough threads that a few idle or slow connections (a browser's preconnects, a client that
// drips its request) leave the others served; each is bounded by the timeouts below.
constexpr size_t kThreads = 16;

bool has_dot_dot_segment(const std::string& path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (path.compare(start, end - start, "..") == 0) return true;
    start = end + 1;
  }
  return false;
}

// Only SO_REUSEADDR: httplib's default also sets SO_REUSEPORT, which would let a second server
// share the port and answer half of the requests.
void socket_options(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

}  // namespace

bool is_local_host(const std::string& host, int port) {
  const std::string suffix = ":" + std::to_string(port);
  const std::string lower = to_lower_ascii(host);
  for (const std::string name : {"localhost", "127.0.0.1", "[::1]"})
    if (lower == name || lower == name + suffix) return true;
  return false;
}

void serve_preview(const ServeOptions& options) {
  // A browser that closes a tab mid-response must not end the preview.
  std::signal(SIGPIPE, SIG_IGN);
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server.set_socket_options(socket_options);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_timeout(2);
  server.set_default_headers({{"Cache-Control", "no-store"},
                              {"Content-Security-Policy", "default-src 'self'"},
                              {"X-Content-Type-Options", "nosniff"}});

  PreviewSite site;
  int port = 0;
  // DNS rebinding: a page from elsewhere whose name resolves to 127.0.0.1 sends its own Host.
  server.set_pre_routing_handler([&](const httplib::Request& request, httplib::Response& response) {
    if (is_local_host(request.get_header_value("Host"), port))
      return httplib::Server::HandlerResponse::Unhandled;
    response.status = 403;
    response.set_content(
        "Geweigerd: dit voorbeeld antwoordt alleen op http://127.0.0.1:" + std::to_string(port) +
            "/ of http://localhost:" + std::to_string(port) + "/\n",
        "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  // httplib has decoded the percent escapes in request.path already; a ".." that was %2e%2e is
  // caught here too. GET handlers also answer HEAD, without the body.
  server.Get(".*", [&](const httplib::Request& request, httplib::Response& response) {
    PreviewResponse answer =
        has_dot_dot_segment(request.path)
            ? PreviewResponse{404, "text/plain; charset=utf-8", "Niet gevonden\n"}
            : site.get(request.path);
    response.status = answer.status;
    response.set_content(std::move(answer.body), answer.content_type);
  });

  if (options.port == 0)
    port = server.bind_to_any_port("127.0.0.1");  // preview is for this machine only
  else if (server.bind_to_port("127.0.0.1", options.port))
    port = options.port;
  if (port <= 0)
    throw FatalError("poort " + std::to_string(options.port) +
                     " is al in gebruik; kies er een met --port");

  FileWatcher watcher(options.watched);
  options.rebuild(site);
  std::thread listener([&] { server.listen_after_bind(); });
  if (options.on_listening) options.on_listening(port);
  while (options.keep_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    if (watcher.changed()) options.rebuild(site);
  }
  server.stop();
  listener.join();
}

}  // namespace sdm
