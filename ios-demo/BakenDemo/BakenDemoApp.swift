import Baken
import SwiftUI

/// The Baken demo: every screen presents what the core decides.
@main
struct BakenDemoApp: App {
    @StateObject private var model = AppModel()

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(model)
                .environmentObject(model.journal)
        }
    }
}

/// The tabs, quick exit on every screen, and the privacy cover.
struct RootView: View {
    @EnvironmentObject private var model: AppModel
    @Environment(\.scenePhase) private var scenePhase
    @State private var captured = UIScreen.main.isCaptured

    var body: some View {
        TabView {
            screen(CheckView()).tabItem { Label("Check", systemImage: "text.magnifyingglass") }
            screen(ChecklistView()).tabItem { Label("Is this normal?", systemImage: "checklist") }
            screen(ScanView()).tabItem { Label("Chat", systemImage: "bubble.left.and.bubble.right") }
            screen(LearnView()).tabItem { Label("Learn", systemImage: "book") }
            screen(HelpView()).tabItem { Label("Help", systemImage: "phone") }
            screen(JournalView()).tabItem { Label("Journal", systemImage: "lock") }
        }
        // Blank in the app switcher, while the screen is recorded or mirrored, and after quick exit.
        .overlay { if scenePhase != .active || captured || model.covered { PrivacyCover() } }
        .onReceive(NotificationCenter.default.publisher(for: UIScreen.capturedDidChangeNotification)) { _ in
            captured = UIScreen.main.isCaptured
        }
        .onChange(of: scenePhase) { _, phase in
            if phase == .background { model.journal.lock() }
        }
    }

    /// A tab's screen in its own navigation stack, with the quick-exit button.
    private func screen(_ content: some View) -> some View {
        NavigationStack {
            content.toolbar {
                ToolbarItem(placement: .topBarTrailing) { QuickExitButton() }
                ToolbarItem(placement: .topBarLeading) {
                    NavigationLink { SettingsView() } label: { Label("Settings", systemImage: "gearshape") }
                }
            }
        }
    }
}

/// Covers the screen at once and locks the journal. iOS has no public way to close an app, so
/// the cover stays until the person taps it; the home gesture then leaves a blank app behind.
struct QuickExitButton: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        Button(role: .destructive) { model.quickExit() } label: { Label("Quick exit", systemImage: "xmark.circle.fill") }
            .accessibilityHint(Text("Hides the app and locks the journal"))
    }
}

/// A plain, neutral screen that shows nothing of the app.
struct PrivacyCover: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        Color(uiColor: .systemBackground)
            .ignoresSafeArea()
            .contentShape(Rectangle())
            .onTapGesture { model.covered = false }
            .accessibilityLabel(Text("Tap to continue"))
    }
}
