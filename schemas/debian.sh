# Sourced by generate.sh --debian: fetch_debian reads a spec from a Debian package, for the versions that
# had no git source (see SOURCES). Uses a private apt configuration in $TMP (system apt state is untouched);
# the mirror is $DEBIAN_MIRROR or the first .../debian URI of the system's apt sources.
for tool in apt-get dpkg-deb tar; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
APT_HELPER=/usr/lib/apt/apt-helper
[ -x "$APT_HELPER" ] || die "$APT_HELPER not found"
[ -r /usr/share/keyrings/debian-archive-keyring.gpg ] || die "debian-archive-keyring not installed"
detect_mirror() {
  # First Debian main-archive URI (path ending in /debian) in the system apt config.
  local files=() f
  [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || return 1
  sed -e 's/#.*//' "${files[@]}" \
    | grep -oE '(https?|ftp)://[^][[:space:]]+' \
    | sed -e 's:/*$::' | grep -E '/debian$' | head -n1
}
MIRROR=${DEBIAN_MIRROR:-$(detect_mirror || true)}
[ -n "$MIRROR" ] || die "no Debian mirror found in /etc/apt; set DEBIAN_MIRROR=http://HOST/debian"
mkdir -p "$TMP/lists/partial" "$TMP/cache/archives/partial" "$TMP/dl"
: > "$TMP/status"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
rows | while IFS=$'\t' read -r _version kind repo _rest; do
  case "$kind" in
    deb) echo "deb [signed-by=$KEYRING] $MIRROR ${repo#debian/} main" ;;
    src) echo "deb-src [signed-by=$KEYRING] $MIRROR ${repo#debian/} main" ;;
  esac
done | sort -u > "$TMP/sources.list"
APT=(-q -o "Dir::Etc::SourceList=$TMP/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$TMP/lists" -o "Dir::Cache=$TMP/cache" -o "Dir::State::status=$TMP/status"
     -o APT::Sandbox::User=root -o Acquire::Languages=none
     -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false
     -o Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false
     -o Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false)

echo "== apt-get update (private config, $(wc -l < "$TMP/sources.list") source lines)"
apt-get "${APT[@]}" update >"$TMP/update.log" 2>&1 || { cat "$TMP/update.log" >&2; die "apt-get update failed"; }

fetch_debian() { # version kind debian/SUITE PACKAGE=VERSION path -> $TMP/work/$version.json; prints its sha256
  local version=$1 type=$2 pkg=${4%%=*} pver=${4#*=} path=$5 out="$TMP/work/$1.json"
  case "$type" in
    deb)
      local deb
      deb=$(ls "$TMP"/dl/"${pkg}"_*.deb 2>/dev/null | head -n1 || true)
      if [ -z "$deb" ]; then
        (cd "$TMP/dl" && apt-get "${APT[@]}" download "$pkg=$pver") >&2 || return 1
        deb=$(ls "$TMP"/dl/"${pkg}"_*.deb | head -n1)
      fi
      dpkg-deb --fsys-tarfile "$deb" | tar -xO "./$path" > "$out" || return 1
      ;;
    src)
      local line url name hash
      line=$(apt-get "${APT[@]}" source --print-uris "$pkg=$pver" 2>/dev/null \
             | grep "^'" | grep -E "\.orig\.tar\.[a-z0-9]+' " | head -n1) || true
      [ -n "$line" ] || { echo "no .orig tarball for source $pkg=$pver in the index" >&2; return 1; }
      read -r url name _size hash <<<"$line"
      url=${url//\'/}
      if [ ! -f "$TMP/dl/$name" ]; then
        # apt-helper verifies the SHA256 taken from the signed Sources index.
        "$APT_HELPER" -o APT::Sandbox::User=root download-file "$url" "$TMP/dl/$name" "$hash" >&2 || return 1
      fi
      tar -xOf "$TMP/dl/$name" "$path" > "$out" || return 1
      ;;
  esac
  sha "$out"
}
