import Baken
import SwiftUI

extension String {
    /// The characters between two UTF-16 offsets, as the core gives spans (`startUtf16`,
    /// `endUtf16`); nil when an offset is outside the text or inside a character.
    func range(utf16 start: UInt64, _ end: UInt64) -> Range<String.Index>? {
        guard start <= end, end <= UInt64(utf16.count) else { return nil }
        let lower = utf16.index(utf16.startIndex, offsetBy: Int(start))
        let upper = utf16.index(utf16.startIndex, offsetBy: Int(end))
        guard let from = lower.samePosition(in: self), let to = upper.samePosition(in: self) else { return nil }
        return from..<to
    }
}

/// `text` with every signal's span marked.
func highlighted(_ text: String, _ signals: [Baken.MessageSignal]) -> AttributedString {
    var marked = AttributedString(text)
    for signal in signals {
        guard let span = text.range(utf16: signal.startUtf16, signal.endUtf16), let range = Range(span, in: marked) else { continue }
        marked[range].backgroundColor = .yellow.opacity(0.45)
        marked[range].inlinePresentationIntent = .stronglyEmphasized
    }
    return marked
}
