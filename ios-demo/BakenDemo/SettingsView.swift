import SwiftUI

/// The app icon: Baken's own, or a neutral one. iOS shows the app's name under any icon and
/// lets no app change it, so the name stays "Baken".
struct SettingsView: View {
    @State private var current = UIApplication.shared.alternateIconName
    @State private var failed = false

    /// An icon in the asset catalog; no name is the main one.
    private struct Icon {
        let name: String?
        let label: LocalizedStringKey
    }

    private let icons = [Icon(name: nil, label: "Baken"), Icon(name: "AppIconPlain", label: "Plain"), Icon(name: "AppIconDots", label: "Dots")]

    var body: some View {
        Form {
            Section {
                ForEach(icons, id: \.name) { icon in
                    Button { choose(icon.name) } label: {
                        HStack {
                            Text(icon.label)
                            Spacer()
                            if current == icon.name { Image(systemName: "checkmark") }
                        }
                    }
                }
            } header: {
                Text("App icon")
            } footer: {
                Text("A plain icon makes the app stand out less. iOS always shows the name Baken under the icon: apps cannot change their name.")
            }
            if failed { Text("The icon could not be changed.").foregroundStyle(.red) }
        }
        .navigationTitle("Settings")
    }

    private func choose(_ name: String?) {
        UIApplication.shared.setAlternateIconName(name) { error in
            Task { @MainActor in
                failed = error != nil
                current = UIApplication.shared.alternateIconName
            }
        }
    }
}
