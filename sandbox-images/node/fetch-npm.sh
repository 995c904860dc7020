#!/bin/sh
# fetch-npm.sh <package> <tarball-name> <version> <sha512-hex>: unpacks one npm package into
# /opt/ts/node_modules/<package>, refusing a tarball whose hash differs from the pinned one.
set -eu
pkg=$1 name=$2 version=$3 sha512=$4
tarball=/tmp/$name-$version.tgz
curl -fsSL --retry 3 -o "$tarball" "${NPM_REGISTRY%/}/$pkg/-/$name-$version.tgz"
echo "$sha512  $tarball" | sha512sum -c --quiet
mkdir -p "/opt/ts/node_modules/$pkg"
tar -xzf "$tarball" -C "/opt/ts/node_modules/$pkg" --strip-components=1 --no-same-owner
rm -f "$tarball"
