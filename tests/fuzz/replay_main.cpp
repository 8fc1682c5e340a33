// Runs a libFuzzer target's entry point once on each input, without libFuzzer: `make test` links
// the targets to the normal library this way and replays the seeds (corpus/<target>/) and the
// saved findings (findings/<target>/), so a fixed bug stays fixed. A failed check aborts, as it
// does under libFuzzer.
//
//   fuzz_read_table_replay FILE_OR_FOLDER...

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    fs::path path = argv[i];
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file()) inputs.push_back(entry.path());
    } else {
      inputs.push_back(path);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: geen invoer\n");
    return 2;
  }
  for (const auto& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "replay: kan %s niet lezen\n", path.c_str());
      return 2;
    }
    // A buffer of exactly the input's size, as libFuzzer passes it, so that AddressSanitizer
    // catches a read past the end.
    auto data = std::make_unique<uint8_t[]>(bytes.size());
    std::copy(bytes.begin(), bytes.end(), data.get());
    std::fprintf(stderr, "replay: %s\n", path.c_str());
    LLVMFuzzerTestOneInput(data.get(), bytes.size());
  }
  std::printf("%zu invoer(en) opnieuw gedraaid, geen fouten\n", inputs.size());
  return 0;
}
