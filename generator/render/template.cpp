// The rendering half of the Mustache engine: parsed nodes against the page model's JSON, with
// mstch's falsiness and escaping. Parsing: template_parser.cpp.

#include "render/template.h"

#include <charconv>
#include <cstdint>

namespace sdm {

struct TemplateSet::Frame {
  const json* value;
  const Frame* below;
};

namespace {

const json& null_json() {
  static const json null;
  return null;
}

bool falsy(const json& value) {
  switch (value.type()) {
    case json::value_t::boolean:
      return !value.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return value.get<long long>() == 0;
    case json::value_t::number_float:
      return value.get<double>() == 0;
    case json::value_t::string:
      return value.get_ref<const std::string&>().empty();
    case json::value_t::array:
      return value.empty();
    case json::value_t::object:
      return false;
    default:
      return true;  // null, binary, discarded
  }
}

void append_value(const json& value, bool escape, std::string& out) {
  switch (value.type()) {
    case json::value_t::string:
      if (escape)
        append_html_escaped(out, value.get_ref<const std::string&>());
      else
        out += value.get_ref<const std::string&>();
      break;
    case json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      break;
    case json::value_t::number_integer:
      out += std::to_string(value.get<std::int64_t>());
      break;
    case json::value_t::number_unsigned:
      out += std::to_string(value.get<std::uint64_t>());
      break;
    case json::value_t::number_float: {
      char buffer[64];  // the shortest text that reads back as the same double
      out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value.get<double>()).ptr);
      break;
    }
    default:
      break;  // null, objects and lists show as nothing
  }
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      default:
        continue;
    }
    out.append(text.data() + start, i - start);
    out += entity;
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

namespace {

const json* find_key(const json& value, const std::string& key) {
  if (!value.is_object()) return nullptr;
  auto it = value.find(key);
  return it == value.end() ? nullptr : &*it;
}

}  // namespace

void TemplateSet::render_nodes(const std::vector<Node>& nodes, size_t begin, size_t end,
                               const Frame* stack, std::string& out) {
  // The value a name stands for: the first part from the innermost context that has it, the
  // further parts inside that value.
  auto lookup = [&](const std::vector<std::string>& path) -> const json& {
    if (path.empty()) return *stack->value;
    const json* value = nullptr;
    for (const Frame* frame = stack; frame && !value; frame = frame->below)
      value = find_key(*frame->value, path.front());
    for (size_t i = 1; value && i < path.size(); ++i) value = find_key(*value, path[i]);
    return value ? *value : null_json();
  };
  for (size_t i = begin; i < end;) {
    const Node& node = nodes[i];
    switch (node.kind) {
      case Node::Kind::text:
        out += node.text;
        break;
      case Node::Kind::escaped:
        append_value(lookup(node.path), true, out);
        break;
      case Node::Kind::raw:
        append_value(lookup(node.path), false, out);
        break;
      case Node::Kind::section: {
        const json& value = lookup(node.path);
        if (falsy(value)) break;
        if (value.is_array()) {
          for (const json& item : value) {
            Frame frame{&item, stack};
            render_nodes(nodes, i + 1, node.end, &frame, out);
          }
        } else {
          Frame frame{&value, stack};
          render_nodes(nodes, i + 1, node.end, &frame, out);
        }
        break;
      }
      case Node::Kind::inverted:
        if (falsy(lookup(node.path))) {
          Frame frame{&null_json(), stack};
          render_nodes(nodes, i + 1, node.end, &frame, out);
        }
        break;
      case Node::Kind::partial:
        if (node.indent.empty()) {
          render_nodes(*node.partial, 0, node.partial->size(), stack, out);
        } else {
          std::string text;
          render_nodes(*node.partial, 0, node.partial->size(), stack, text);
          out += node.indent;
          for (size_t k = 0; k < text.size(); ++k) {
            out += text[k];
            if (text[k] == '\n' && k + 1 < text.size()) out += node.indent;
          }
        }
        break;
    }
    i = node.kind == Node::Kind::section || node.kind == Node::Kind::inverted ? node.end : i + 1;
  }
}

void TemplateSet::render(const std::string& name, std::initializer_list<const json*> contexts,
                         std::string& out) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::invalid_argument("sjabloon '" + name + "' bestaat niet");
  std::vector<Frame> frames;
  frames.reserve(contexts.size());
  for (const json* context : contexts)
    frames.push_back({context, frames.empty() ? nullptr : &frames.back()});
  const Frame* top = frames.empty() ? nullptr : &frames.back();
  Frame empty{&null_json(), nullptr};
  render_nodes(it->second, 0, it->second.size(), top ? top : &empty, out);
}

std::string TemplateSet::render(const std::string& name, const json& context) const {
  std::string out;
  render(name, {&context}, out);
  return out;
}

}  // namespace sdm
