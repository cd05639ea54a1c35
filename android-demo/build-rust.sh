#!/usr/bin/env bash
# Builds the Baken library for the app's ABIs with the `mobile` profile (16 KB page aligned) and
# generates its Kotlin bindings. Usage: ./build-rust.sh OUT  ->  OUT/jniLibs/<abi>/libbaken_ffi.so, OUT/kotlin/
set -euo pipefail
out=$1
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-Wl,-z,max-page-size=16384"
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 --platform 28 -o "$out/jniLibs" build -p baken-ffi --lib --profile mobile
cargo build -p baken-ffi --features cli --bin uniffi-bindgen
rm -rf "$out/kotlin"
target/debug/uniffi-bindgen generate --library "$out/jniLibs/arm64-v8a/libbaken_ffi.so" --language kotlin --no-format --out-dir "$out/kotlin"
