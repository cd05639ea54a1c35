//! Empty on purpose. The CLI is the `baken` binary (`main.rs`); this library exists only because
//! Cargo ignores a dev-dependency on a package without one, and the CLI's tests use such a
//! dev-dependency on this package to build the binary with the feature `insecure-test-kdf`.
