#include "rehearse/registry.h"

#include <fmt/format.h>

#include <type_traits>

#include "guarded.h"
#include "rehearse/errors.h"

namespace rehearse {

std::string_view to_string(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::source: return "source";
    case ComponentKind::scheduler: return "scheduler";
    case ComponentKind::scorer: return "scorer";
    case ComponentKind::frontend: return "frontend";
  }
  return "source";
}

struct Registry::Impl {
  std::string current_plugin = "(engine)";
  std::uint32_t current_api_minor = kPluginApiMinor;
  std::vector<std::unique_ptr<GuardedSource>> sources;
  std::vector<std::unique_ptr<GuardedScheduler>> schedulers;
  std::vector<std::unique_ptr<GuardedScorer>> scorers;
  std::vector<std::unique_ptr<GuardedFrontend>> frontends;
  std::vector<ComponentInfo> infos;

  template <class Guarded, class Component>
  void add(std::vector<std::unique_ptr<Guarded>>& list, ComponentKind kind, std::unique_ptr<Component> component) {
    if (!component) throw PluginError(current_plugin, fmt::format("registered an empty {}", to_string(kind)));
    std::unique_ptr<Guarded> guarded;
    if constexpr (std::is_same_v<Guarded, GuardedScheduler>)
      guarded = std::make_unique<Guarded>(std::move(component), current_plugin, current_api_minor);
    else
      guarded = std::make_unique<Guarded>(std::move(component), current_plugin);
    for (const auto& info : infos) {
      if (info.kind == kind && info.name == guarded->name())
        throw PluginError(current_plugin, fmt::format("a {} named '{}' is already registered by plugin '{}'",
                                                      to_string(kind), guarded->name(), info.plugin));
    }
    infos.push_back({kind, std::string(guarded->name()), current_plugin, guarded->options()});
    list.push_back(std::move(guarded));
  }

  template <class Guarded>
  static Guarded* find(const std::vector<std::unique_ptr<Guarded>>& list, std::string_view name) {
    for (const auto& item : list)
      if (item->name() == name) return item.get();
    return nullptr;
  }
};

Registry::Registry() : impl_(std::make_unique<Impl>()) {}
Registry::~Registry() = default;

void Registry::add(std::unique_ptr<Source> source) { impl_->add(impl_->sources, ComponentKind::source, std::move(source)); }
void Registry::add(std::unique_ptr<Scheduler> scheduler) {
  impl_->add(impl_->schedulers, ComponentKind::scheduler, std::move(scheduler));
}
void Registry::add(std::unique_ptr<Scorer> scorer) { impl_->add(impl_->scorers, ComponentKind::scorer, std::move(scorer)); }
void Registry::add(std::unique_ptr<Frontend> frontend) {
  impl_->add(impl_->frontends, ComponentKind::frontend, std::move(frontend));
}

const Source* Registry::source(std::string_view name) const { return Impl::find(impl_->sources, name); }
const Scheduler* Registry::scheduler(std::string_view name) const { return Impl::find(impl_->schedulers, name); }
const Scorer* Registry::scorer(std::string_view name) const { return Impl::find(impl_->scorers, name); }
Frontend* Registry::frontend(std::string_view name) const { return Impl::find(impl_->frontends, name); }

std::vector<const Source*> Registry::sources() const {
  std::vector<const Source*> out;
  for (const auto& source : impl_->sources) out.push_back(source.get());
  return out;
}

std::vector<ComponentInfo> Registry::components() const { return impl_->infos; }

void Registry::set_current_plugin(std::string name) { impl_->current_plugin = std::move(name); }
void Registry::set_current_api_minor(std::uint32_t minor) { impl_->current_api_minor = minor; }

void Registry::remove_plugin(const std::string& plugin) {
  // Names are unique within a kind, so (kind, name, plugin) finds each component.
  auto infos = impl_->infos;
  std::erase_if(impl_->infos, [&](const ComponentInfo& info) { return info.plugin == plugin; });
  auto keep_only_known = [&](auto& list, ComponentKind kind) {
    std::erase_if(list, [&](const auto& item) {
      for (const auto& info : infos)
        if (info.kind == kind && info.plugin == plugin && info.name == item->name()) return true;
      return false;
    });
  };
  keep_only_known(impl_->sources, ComponentKind::source);
  keep_only_known(impl_->schedulers, ComponentKind::scheduler);
  keep_only_known(impl_->scorers, ComponentKind::scorer);
  keep_only_known(impl_->frontends, ComponentKind::frontend);
}

}  // namespace rehearse
