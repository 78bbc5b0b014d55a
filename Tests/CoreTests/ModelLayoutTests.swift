import Foundation
import Testing
@testable import Core

/// The model keeps offsets and indices in 32 bits (peak memory at 50 MB of news is within
/// 2.5 × the input only so); the API stays `Int`.
@Suite("The model's ranges and indices are compact, its API unchanged")
struct ModelLayoutTests {
    @Test("a range is 8 bytes, a sentence 12, a paragraph at most 20, a quotation's indices 16")
    func sizes() {
        #expect(MemoryLayout<TextRange>.stride == 8)
        #expect(MemoryLayout<Sentence>.stride == 12)
        #expect(MemoryLayout<Paragraph>.stride <= 20)
        // Four Int32 indices where there were three Ints and an Int? (40 bytes).
        #expect(MemoryLayout<Quotation>.stride <= MemoryLayout<Attribution>.stride + 48)
    }

    @Test("values read back as they were set, a missing speaker as nil")
    func roundTrip() {
        var r = TextRange(3, 1_000_000_007)
        #expect(r.start == 3 && r.end == 1_000_000_007 && r.length == 1_000_000_004)
        r.start += 5
        r.end = 12
        #expect(r == TextRange(8, 12))
        #expect(TextRange(0, 4) < TextRange(0, 5) && TextRange(1, 2) > TextRange(0, 9))

        var q = Quotation(id: 7, range: TextRange(10, 20), kind: .direct, paragraph: 3, sentence: 9)
        #expect(q.id == 7 && q.paragraph == 3 && q.sentence == 9 && q.speaker == nil)
        q.speaker = 0
        #expect(q.speaker == 0)
        q.speaker = 123_456
        #expect(q.speaker == 123_456)
        q.speaker = nil
        #expect(q.speaker == nil)
        q.sentence += 1
        #expect(q.sentence == 10)

        var p = Paragraph(range: TextRange(0, 5), sentences: 4..<9, isTitle: true)
        #expect(p.sentences == 4..<9 && p.isTitle)
        p.sentences = 9..<9
        #expect(p.sentences.isEmpty && p.sentences.lowerBound == 9)
        var s = Sentence(range: TextRange(1, 2), paragraph: 40_000)
        s.paragraph += 1
        #expect(s.paragraph == 40_001)
    }

    @Test("a range encodes as start and end, as before")
    func codable() throws {
        let data = try JSONEncoder().encode(TextRange(5, 9))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Int]
        #expect(object == ["start": 5, "end": 9])
        #expect(try JSONDecoder().decode(TextRange.self, from: data) == TextRange(5, 9))
    }
}
