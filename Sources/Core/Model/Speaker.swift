public enum SpeakerKind: String, Sendable, Hashable, Codable {
    case person
    case organization
    case anonymous
}

/// One person, organisation or anonymous source, with every way the text names them.
public struct Speaker: Sendable, Hashable, Identifiable {
    /// Position in `Article.speakers`.
    public var id: Int
    /// The fullest name the text gives ("Konstantin Kosachev", "the Kremlin", "one official").
    public var name: String
    /// The other ways the text names them ("Kosachev", "the minister", "Ms Marsh").
    public var aliases: [String]
    public var kind: SpeakerKind
    /// Titles and positions as written ("Vice Speaker", "deputy chairman of …").
    public var roles: [String]
    /// The organisation the text ties them to, when it says.
    public var organization: String?
    /// Where they are first named.
    public var firstMention: TextRange
    /// Every place they are named (names, aliases, resolved pronouns that cue a quote).
    public var mentions: [TextRange]
    /// Indices into `Article.quotations` of their statements, in text order.
    public var statements: [Int]

    public init(id: Int, name: String, aliases: [String] = [], kind: SpeakerKind, roles: [String] = [],
                organization: String? = nil, firstMention: TextRange, mentions: [TextRange] = [],
                statements: [Int] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.roles = roles
        self.organization = organization
        self.firstMention = firstMention
        self.mentions = mentions
        self.statements = statements
    }
}
