plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

// The Rust library (jniLibs) and its Kotlin bindings come from ../build-rust.sh: cargo ndk with the
// `mobile` profile, then uniffi-bindgen on the built library. Outputs stay out of git.
val rustOut = layout.buildDirectory.dir("rust")
val buildRust by tasks.registering(Exec::class) {
    description = "Builds libbaken_ffi.so for every ABI and generates the Kotlin bindings."
    workingDir = rootProject.projectDir
    commandLine("./build-rust.sh", rustOut.get().asFile.absolutePath)
    inputs.dir("../../core/src")
    inputs.dir("../../core/content")
    inputs.dir("../../bindings/src")
    outputs.dir(rustOut)
}

android {
    namespace = "nl.baken.demo"
    compileSdk = 35
    ndkVersion = "27.2.12479018"

    defaultConfig {
        applicationId = "nl.baken.demo"
        minSdk = 28
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            isShrinkResources = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    sourceSets["main"].apply {
        java.srcDir(rustOut.map { it.dir("kotlin") })
        jniLibs.srcDir(rustOut.map { it.dir("jniLibs") })
    }

    // Uncompressed and 16 KB aligned in the APK (AGP 8.5.1 and later), so the library loads on
    // phones with 16 KB pages.
    packaging { jniLibs { useLegacyPackaging = false } }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    kotlinOptions { jvmTarget = "17" }
    buildFeatures { compose = true }
}

tasks.named("preBuild") { dependsOn(buildRust) }

dependencies {
    implementation(platform(libs.compose.bom))
    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.activity.compose)
    implementation(libs.androidx.lifecycle.runtime)
    implementation(libs.androidx.biometric)
    implementation(libs.compose.ui)
    implementation(libs.compose.material3)
    implementation(libs.compose.tooling.preview)
    implementation(libs.commonmark)
    // The Android build of JNA (an .aar with libjnidispatch.so per ABI), not the desktop jar.
    implementation("net.java.dev.jna:jna:${libs.versions.jna.get()}@aar")
}
