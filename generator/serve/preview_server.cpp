#include "serve/preview_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "serve/watch.h"
#include "util/diagnostic.h"

namespace sdm {
namespace {

std::string status_text(int status) {
  return status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
}

void answer(int client, const PreviewSite& site) {
  std::string request;
  char buffer[4096];
  // Read the request line and headers; a preview request is small.
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
    pollfd p{client, POLLIN, 0};
    if (poll(&p, 1, 2000) <= 0) return;
    ssize_t n = read(client, buffer, sizeof buffer);
    if (n <= 0) return;
    request.append(buffer, static_cast<size_t>(n));
  }
  PreviewResponse response;
  if (request.rfind("GET ", 0) != 0) {
    response = {400, "text/plain", "Alleen GET\n"};
  } else {
    std::string path = request.substr(4, request.find(' ', 4) - 4);
    response = path.find("..") != std::string::npos
                   ? PreviewResponse{404, "text/plain", "Niet gevonden\n"}
                   : site.get(path);
  }
  std::string head = "HTTP/1.1 " + std::to_string(response.status) + " " +
                     status_text(response.status) + "\r\nContent-Type: " + response.content_type +
                     "\r\nContent-Length: " + std::to_string(response.body.size()) +
                     "\r\nCache-Control: no-store\r\nContent-Security-Policy: default-src 'self'"
                     "\r\nConnection: close\r\n\r\n";
  std::string all = head + response.body;
  size_t sent = 0;
  while (sent < all.size()) {
    ssize_t n = write(client, all.data() + sent, all.size() - sent);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

}  // namespace

void serve_preview(const ServeOptions& options) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0) throw FatalError("kan geen netwerkverbinding openen");
  int yes = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // preview is for this machine only
  address.sin_port = htons(static_cast<uint16_t>(options.port));
  if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(listener, 16) != 0) {
    close(listener);
    throw FatalError("poort " + std::to_string(options.port) +
                     " is al in gebruik; kies er een met --port");
  }
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);

  PreviewSite site;
  FileWatcher watcher(options.watched);
  options.rebuild(site);
  if (options.on_listening) options.on_listening(ntohs(address.sin_port));

  while (options.keep_running()) {
    pollfd p{listener, POLLIN, 0};
    if (poll(&p, 1, 150) > 0) {
      int client = accept(listener, nullptr, nullptr);
      if (client >= 0) {
        answer(client, site);
        close(client);
      }
    }
    if (watcher.changed()) options.rebuild(site);
  }
  close(listener);
}

}  // namespace sdm
