#!/usr/bin/env bash
# Builds the Baken core for iOS and lays out the BakenKit Swift package in target/ios/BakenKit:
# BakenFFI.xcframework (device + simulator static libraries, header, modulemap) and the generated
# Baken.swift. macOS with Xcode and rustup only. Nothing generated goes into ios-demo/ or git.
set -euo pipefail

cd "$(dirname "$0")/.."
PROFILE=mobile
DEVICE=aarch64-apple-ios
SIMULATORS=(aarch64-apple-ios-sim x86_64-apple-ios)
OUT=target/ios
PACKAGE=$OUT/BakenKit

if [[ $(uname -s) != Darwin ]] || ! command -v xcodebuild >/dev/null; then
    echo "build-xcframework.sh: needs macOS with Xcode (xcodebuild, lipo)" >&2
    exit 2
fi

# The static library of one target, as cargo leaves it.
library() { echo "target/$1/$PROFILE/libbaken_ffi.a"; }

rustup target add "$DEVICE" "${SIMULATORS[@]}"
for target in "$DEVICE" "${SIMULATORS[@]}"; do
    cargo build -p baken-ffi --lib --profile "$PROFILE" --target "$target"
done

# Bindings come from a host build with default features, the same API as the libraries above
# (the mobile profile strips the metadata uniffi-bindgen reads).
cargo build -p baken-ffi --lib
cargo build -p baken-ffi --features cli --bin uniffi-bindgen
rm -rf "$OUT"
mkdir -p "$OUT/swift" "$OUT/headers" "$OUT/simulator" "$PACKAGE/Sources/Baken"
target/debug/uniffi-bindgen generate --library target/debug/libbaken_ffi.dylib --language swift --out-dir "$OUT/swift"

mv "$OUT/swift/Baken.swift" "$PACKAGE/Sources/Baken/Baken.swift"
mv "$OUT/swift/BakenFFI.h" "$OUT/headers/BakenFFI.h"
mv "$OUT/swift/BakenFFI.modulemap" "$OUT/headers/module.modulemap"

simulator_libraries=()
for target in "${SIMULATORS[@]}"; do simulator_libraries+=("$(library "$target")"); done
lipo -create "${simulator_libraries[@]}" -output "$OUT/simulator/libbaken_ffi.a"

xcodebuild -create-xcframework \
    -library "$(library "$DEVICE")" -headers "$OUT/headers" \
    -library "$OUT/simulator/libbaken_ffi.a" -headers "$OUT/headers" \
    -output "$PACKAGE/BakenFFI.xcframework"
cp ios-demo/BakenKit/Package.swift "$PACKAGE/Package.swift"

echo "BakenKit ready in $PACKAGE; open ios-demo/BakenDemo.xcodeproj"
