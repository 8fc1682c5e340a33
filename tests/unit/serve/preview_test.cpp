#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
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

// Sends `request` as is and reads the answer until the server closes the connection.
std::string http_raw(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return {};
  if (write(fd, request.data(), request.size()) < 0) return {};
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::string http_get(int port, const std::string& path, const std::string& method = "GET") {
  return http_raw(port, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                            std::to_string(port) + "\r\nConnection: close\r\n\r\n");
}

// A preview server on a free port for the length of a test.
class PreviewServer : public ::testing::Test {
 protected:
  void SetUp() override {
    ServeOptions options;
    options.port = 0;
    options.rebuild = [](PreviewSite& site) {
      site.show_site({{"index.html", "<body>hallo</body>"},
                      {"mijn kaart.svg", "<svg/>"},
                      {"foto.webp", "RIFF"},
                      {"film.gif", "GIF89a"},
                      {"data/wmo.csv", "maand;aantal\n"}});
    };
    options.on_listening = [&](int p) { port_ = p; };
    options.keep_running = [&] { return running_.load(); };
    server_ = std::thread([options] { serve_preview(options); });
    while (port_ == 0) std::this_thread::yield();
  }
  void TearDown() override {
    running_ = false;
    server_.join();
  }

  std::atomic<int> port_{0};
  std::atomic<bool> running_{true};
  std::thread server_;
};

TEST_F(PreviewServer, ServesOnLoopbackWithCsp) {
  std::string response = http_get(port_, "/index.html");
  EXPECT_NE(response.find("HTTP/1.1 200 OK"), std::string::npos);
  EXPECT_NE(response.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
  EXPECT_NE(response.find("hallo"), std::string::npos);
}

TEST_F(PreviewServer, AnswersOnlyTheNamesOfThisMachine) {
  // DNS rebinding: a page elsewhere whose name now resolves to 127.0.0.1.
  std::string foreign = http_raw(
      port_, "GET /index.html HTTP/1.1\r\nHost: aanvaller.example:" + std::to_string(port_) +
                 "\r\nConnection: close\r\n\r\n");
  EXPECT_NE(foreign.find("HTTP/1.1 403"), std::string::npos) << foreign;
  EXPECT_NE(foreign.find("Geweigerd"), std::string::npos) << foreign;
  EXPECT_EQ(foreign.find("hallo"), std::string::npos);
  EXPECT_TRUE(is_local_host("localhost:8000", 8000));
  EXPECT_TRUE(is_local_host("LocalHost", 8000));
  EXPECT_TRUE(is_local_host("[::1]:8000", 8000));
  EXPECT_TRUE(is_local_host("127.0.0.1", 8000));
  EXPECT_FALSE(is_local_host("127.0.0.1:8001", 8000));
  EXPECT_FALSE(is_local_host("localhost.aanvaller.example", 8000));
  EXPECT_FALSE(is_local_host("", 8000));
}

TEST_F(PreviewServer, AnIdleConnectionDoesNotStallTheNextRequest) {
  // A browser's preconnect: a connection that sends nothing.
  int idle = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port_.load()));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(idle, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  auto start = std::chrono::steady_clock::now();
  std::string response = http_get(port_, "/index.html");
  auto took = std::chrono::steady_clock::now() - start;
  close(idle);
  EXPECT_NE(response.find("hallo"), std::string::npos);
  EXPECT_LT(took, std::chrono::milliseconds(500));
}

TEST_F(PreviewServer, HeadPercentEscapesAndTypes) {
  std::string head = http_get(port_, "/index.html", "HEAD");
  EXPECT_NE(head.find("HTTP/1.1 200 OK"), std::string::npos) << head;
  EXPECT_EQ(head.find("hallo"), std::string::npos) << head;
  std::string svg = http_get(port_, "/mijn%20kaart.svg");
  EXPECT_NE(svg.find("HTTP/1.1 200 OK"), std::string::npos) << svg;
  EXPECT_NE(svg.find("Content-Type: image/svg+xml"), std::string::npos) << svg;
  EXPECT_NE(http_get(port_, "/foto.webp").find("Content-Type: image/webp"), std::string::npos);
  EXPECT_NE(http_get(port_, "/film.gif").find("Content-Type: image/gif"), std::string::npos);
  EXPECT_NE(http_get(port_, "/data/wmo.csv").find("Content-Type: text/csv"), std::string::npos);
  // ".." spelled as escapes is still "..".
  EXPECT_NE(http_get(port_, "/data/%2e%2e/index.html").find("HTTP/1.1 404"), std::string::npos);
  EXPECT_NE(http_get(port_, "/%2E%2E/%2e%2e/etc/passwd").find("HTTP/1.1 404"), std::string::npos);
}

}  // namespace
}  // namespace sdm
