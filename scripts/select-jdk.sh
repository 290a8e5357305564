# Sourced by ./sightline and .ci/run: exports JAVA_HOME pointing at a JDK >= 21, or exits with a clear message.
# Order: JAVA_HOME if it is >= 21, else /usr/lib/jvm/temurin-25-jdk-amd64, else `java` on the PATH if >= 21.

sightline_java_feature() { # prints the feature version (17, 21, 25...) of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

sightline_select_jdk() {
  local candidate version tried=()
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$(sightline_java_feature "$candidate/bin/java")
    tried+=("$candidate (Java ${version:-unknown})")
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "sightline: needs a JDK 21 or newer (Zeebe 8.8 and Elasticsearch 9 are Java 21 class files)." >&2
  echo "  tried: ${tried[*]:-none}" >&2
  echo "  set JAVA_HOME to a JDK >= 21, e.g. /usr/lib/jvm/temurin-25-jdk-amd64" >&2
  exit 1
}
