// swift-tools-version:5.9
// BakenKit: the Baken core as a Swift package. build-xcframework.sh copies this manifest next to
// what it builds (target/ios/BakenKit): the XCFramework of the static libraries and the generated
// Swift bindings, module `Baken`. Nothing here downloads anything.
import PackageDescription

let package = Package(
    name: "BakenKit",
    platforms: [.iOS(.v17)],
    products: [
        .library(name: "Baken", targets: ["Baken"])
    ],
    targets: [
        .binaryTarget(name: "BakenFFI", path: "BakenFFI.xcframework"),
        .target(name: "Baken", dependencies: ["BakenFFI"], path: "Sources/Baken"),
    ]
)
