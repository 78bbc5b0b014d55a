import Testing
@testable import Core

@Suite("Language packs")
struct LanguagePackTests {
    @Test("the language is chosen per article", arguments: [
        ("The minister said on Monday that the plan was ready and that it would be published with the budget.", "en"),
        ("Le ministre a déclaré lundi que le plan était prêt et qu'il serait publié dans les jours qui viennent avec le budget de la ville.", "fr"),
        ("Der Minister sagte am Montag, dass der Plan fertig sei und dass er mit dem Haushalt der Stadt veröffentlicht werde, auch wenn es nicht leicht ist.", "de"),
        ("“Nous allons gagner,” the coach said after the match, and the team agreed with him that it was a fair result.", "en"),
    ])
    func detect(text: String, code: String) {
        #expect(LanguagePack.detect(text).code == code)
    }

    @Test("French copy is attributed by its own verbs")
    func french() {
        let a = ArticleParser.parse("Le port\n\n« Nous allons reconstruire le quai », a déclaré Marie Dupont, la maire de la ville. Elle est restée prudente sur les délais et les coûts.\n")
        #expect(speaker(of: "reconstruire le quai", in: a) == "Marie Dupont", "\(ArticleOutline.render(a))")
    }

    @Test("French: an inverted 'a-t-elle déclaré' goes to the woman named before; a role before a name; 'que' opens the clause")
    func frenchInverted() {
        let a = ArticleParser.parse("L'hôpital\n\nLa ministre de la Santé, Claire Dubois, a présenté mardi un plan pour les hôpitaux publics et les soignants de la ville.\n\n"
                                    + "« Nous devons recruter des soignants », a-t-elle déclaré devant les députés.\n\n"
                                    + "« C'est une goutte d'eau », a estimé son secrétaire général, Marc Lefèvre. Il a ajouté que le plan restait insuffisant pour les infirmiers.\n")
        #expect(speaker(of: "recruter des soignants", in: a) == "Claire Dubois", "\(ArticleOutline.render(a))")
        let lefevre = a.speakers.first { $0.name == "Marc Lefèvre" }
        #expect(lefevre?.roles.first == "son secrétaire général", "\(a.speakers.map(\.roles))")
        #expect(statements(a).contains { $0.hasPrefix("indirect le plan restait insuffisant") }, "\(statements(a))")
    }

    @Test("German: a compound role noun before a name is the role")
    func germanCompoundRole() {
        let a = ArticleParser.parse("Die Bahn\n\n„Wir wollen die Fahrzeit senken“, sagte Verkehrsminister Jonas Weber am Montag in Berlin. Er ist sich sicher, dass die Strecke gebaut wird.\n")
        let weber = a.speakers.first { $0.name == "Jonas Weber" }
        #expect(weber?.roles == ["Verkehrsminister"], "\(ArticleOutline.render(a))")
    }

    @Test("German copy is attributed by its own verbs")
    func german() {
        let a = ArticleParser.parse("Der Hafen\n\n„Wir werden den Steg wieder aufbauen“, sagte Anna Berg, die Bürgermeisterin der Stadt. Sie ist sich sicher, dass es nicht lange dauert und dass die Kosten tragbar sind.\n")
        #expect(speaker(of: "Steg wieder aufbauen", in: a) == "Anna Berg", "\(ArticleOutline.render(a))")
    }

    @Test("English is never read with French forms")
    func englishNotFrench() {
        let a = parse("The engineers assure residents that the water is safe to drink again.")
        #expect(!a.quotations.contains { $0.attribution.cue?.text.lowercased() == "assure" }, "\(statements(a))")
        #expect(!LanguagePack.english.speechForms.keys.contains("assure"))
    }

    @Test("no speech verb is listed twice")
    func noDuplicateVerbs() {
        let lemmas = SpeechVerbs.verbs.map(\.lemma)
        #expect(Set(lemmas).count == lemmas.count, "duplicates: \(Dictionary(grouping: lemmas, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
    }

    @Test("the packs' speech forms do not collide across languages")
    func noCollisions() {
        let packs = LanguagePack.all
        for (i, a) in packs.enumerated() {
            for b in packs[(i + 1)...] {
                let shared = Set(a.speechForms.keys).intersection(b.speechForms.keys)
                #expect(shared.isEmpty, "\(a.code) and \(b.code) share \(shared.sorted())")
            }
        }
    }

    @Test("a pack's speech forms are not its own function words")
    func formsAreNotStopwords() {
        for p in LanguagePack.all {
            let clash = Set(p.speechForms.keys).intersection(p.stopwords)
            #expect(clash.isEmpty, "\(p.code): \(clash.sorted())")
        }
    }
}
