#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "serve/preview_server.h"
#include "serve/preview_site.h"
#include "serve/watch.h"

namespace sdm {
namespace {

TEST(PreviewSite, InjectsReloadScriptOnlyIntoPages) {
  PreviewSite site;
  site.show_site({{"index.html", "<html><body><p>x</p></body></html>"}, {"assets/a.css", "p{}"}});
  auto page = site.get("/");
  EXPECT_NE(page.body.find("<script src=\"/__sdmonitor/herlaad.js\" defer></script></body>"),
            std::string::npos);
  EXPECT_EQ(site.get("/assets/a.css").body, "p{}");
  EXPECT_EQ(site.get("/onbekend.html").status, 404);
}

TEST(PreviewSite, ShowsEscapedErrorsInsteadOfAStalePage) {
  PreviewSite site;
  site.show_site({{"wmo.html", "<html><body>OUDE-PAGINA</body></html>"}});
  long before = site.version();
  Diagnostics d;
  d.error({"wmo.md", 3, 1}, "onbekende dataset '<x>'", "bedoelde u 'y'?");
  site.show_errors(d);
  EXPECT_GT(site.version(), before);
  auto page = site.get("/wmo.html");
  EXPECT_EQ(page.body.find("OUDE-PAGINA"), std::string::npos);
  EXPECT_NE(page.body.find("wmo.md:3:1: fout: onbekende dataset &#39;&lt;x&gt;&#39;"),
            std::string::npos);
}

TEST(FileWatcher, NoticesAnEdit) {
  auto dir = std::filesystem::temp_directory_path() / ("sdm-watch-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.md") << "een";
  FileWatcher watcher({dir.string()});
  EXPECT_FALSE(watcher.changed());
  std::ofstream(dir / "a.md") << "twee, langer";
  EXPECT_TRUE(watcher.changed());
  EXPECT_FALSE(watcher.changed());
  std::filesystem::remove_all(dir);
}

std::string http_get(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return {};
  std::string request = "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
  if (write(fd, request.data(), request.size()) < 0) return {};
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  close(fd);
  return out;
}

TEST(PreviewServer, ServesOnLoopbackWithCsp) {
  std::atomic<int> port{0};
  std::atomic<bool> running{true};
  ServeOptions options;
  options.port = 0;
  options.rebuild = [](PreviewSite& site) {
    site.show_site({{"index.html", "<body>hallo</body>"}});
  };
  options.on_listening = [&](int p) { port = p; };
  options.keep_running = [&] { return running.load(); };
  std::thread server([&] { serve_preview(options); });
  while (port == 0) std::this_thread::yield();
  std::string response = http_get(port, "/index.html");
  running = false;
  server.join();
  EXPECT_NE(response.find("HTTP/1.1 200 OK"), std::string::npos);
  EXPECT_NE(response.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
  EXPECT_NE(response.find("hallo"), std::string::npos);
}

}  // namespace
}  // namespace sdm
