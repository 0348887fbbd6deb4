// Test helpers of the render layer's document and register suites: a temporary folder, a
// shell command's output, and the text of a PDF read back with pdftotext (poppler-utils).
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>

namespace egov::render::testing {

namespace fs = std::filesystem;

// A directory of its own under the system temp dir, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("egov_render_test_" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  fs::path Write(const std::string& name, const std::string& bytes) const {
    fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Output {
  int status = -1;
  std::string out;
};

inline Output Run(const std::string& command) {
  Output result;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  result.status = pclose(pipe);
  return result;
}

inline std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// The text of pages [first, last] (0: to the end), one string per line, each line's runs of
// spaces collapsed and its ends trimmed; empty lines dropped.
inline std::vector<std::string> PdfLines(const fs::path& pdf, int first = 1, int last = 0) {
  std::string command = "pdftotext -enc UTF-8 -layout -f " + std::to_string(first);
  if (last > 0) command += " -l " + std::to_string(last);
  Output r = Run(command + " " + Quoted(pdf) + " -");
  EXPECT_EQ(r.status, 0) << "pdftotext (poppler-utils) failed";
  std::vector<std::string> lines;
  std::string line;
  auto flush = [&] {
    line = std::regex_replace(line, std::regex(" {2,}"), " ");
    auto begin = line.find_first_not_of(' ');
    auto end = line.find_last_not_of(' ');
    if (begin != std::string::npos) lines.push_back(line.substr(begin, end - begin + 1));
    line.clear();
  };
  for (char c : r.out) {
    if (c == '\n' || c == '\f') {
      flush();
    } else {
      line += c;
    }
  }
  flush();
  return lines;
}

// The number of pages pdfinfo reports.
inline int PageCount(const fs::path& pdf) {
  Output r = Run("pdfinfo " + Quoted(pdf));
  std::smatch m;
  if (std::regex_search(r.out, m, std::regex(R"(Pages:\s+(\d+))"))) return std::stoi(m[1]);
  return 0;
}

// The first page's size in points ("W x H").
inline std::pair<double, double> PageSize(const fs::path& pdf) {
  Output r = Run("pdfinfo " + Quoted(pdf));
  std::smatch m;
  if (std::regex_search(r.out, m, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"))) {
    return {std::stod(m[1]), std::stod(m[2])};
  }
  return {0, 0};
}

// The QR codes zbarimg decodes on page `page`, one per line.
inline std::string DecodeQr(const ScratchDir& dir, const fs::path& pdf, int page) {
  fs::path png = dir.path() / "page";
  const std::string p = std::to_string(page);
  EXPECT_EQ(Run("pdftoppm -png -r 150 -singlefile -f " + p + " -l " + p + " " + Quoted(pdf) + " " +
                Quoted(png))
                .status,
            0);
  Output decoded = Run("zbarimg --quiet --raw " + Quoted(png.string() + ".png"));
  std::string text = decoded.out;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace egov::render::testing
