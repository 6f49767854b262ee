#pragma once
/// The rule catalog; the name of attune/rule_catalog.hpp before it was renamed (kept so
/// that code written against it still builds).

#include "attune/rule_catalog.hpp"
