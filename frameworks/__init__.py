"""The framework YAML files shipped with framewheel."""
