/// The word lists behind HTML extraction, each with why (after readability.js and
/// trafilatura, which learnt them from real pages).
enum HTMLRules {
    /// Elements that are never article text: code, styling, page furniture, controls,
    /// and media without text. (Figure captions are kept, as readability and trafilatura
    /// keep them; a figure that holds a video player goes with its caption.)
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "link", "meta", "head",
        "nav", "header", "footer", "aside", "menu", "dialog",
        "form", "button", "input", "select", "textarea", "label", "fieldset", "option",
        "iframe", "frame", "frameset", "object", "embed", "applet",
        "svg", "canvas", "video", "audio", "map", "picture", "source", "track",
    ]

    /// AMP's own elements that carry no article text (ads, analytics, share buttons,
    /// consent prompts, off-canvas menus).
    static let droppedAMPTags: Set<String> = [
        "amp-ad", "amp-embed", "amp-analytics", "amp-pixel", "amp-sidebar", "amp-social-share",
        "amp-iframe", "amp-sticky-ad", "amp-auto-ads", "amp-consent", "amp-user-notification",
        "amp-geo", "amp-install-serviceworker", "amp-call-tracking", "amp-access",
        "amp-lightbox", "amp-video", "amp-youtube", "amp-twitter", "amp-instagram", "amp-facebook",
    ]

    /// ARIA landmark roles of furniture: menus, site header and footer, sidebars, pop-ups.
    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog",
        "search", "menu", "menubar", "toolbar", "tablist",
    ]

    /// Class or id words that always mark furniture, whatever else the element holds
    /// (a comment thread or a related-stories box can hold long paragraphs).
    /// A class word matches when it starts with one of these ("sharebar", "cookie-banner").
    static let strongFurniturePrefixes: [String] = [
        "share", "sharing", "social", "cookie", "consent", "gdpr", "newsletter", "comment",
        "related", "recommend", "outbrain", "taboola", "breadcrumb", "sidebar", "navbar",
        "navigation", "footer", "masthead", "pullquote", "byline", "disqus", "recirc",
        "trending", "mostread", "most-read", "mostpopular", "signup", "adsbygoogle", "pull-quote",
        // Video players' controls and settings menus ("Auto", "High (HD)", "Captions").
        "vjs", "video-js", "videojs", "jwplayer", "jw-", "mejs", "plyr", "video-player", "videoplayer", "video-controls",
        "player-controls", "yvp", "vp-",
        // Photo galleries and carousels: captions of pictures, not the story.
        "gallery", "carousel", "slideshow", "lightbox",
        // Consent-management platforms' containers.
        "onetrust", "didomi", "cmp", "qc-cmp", "truste", "usercentrics", "sp_message", "cc-window", "cc-banner", "fc-consent",
    ]

    /// Words that mark an element as a comment section, not commentary.
    static let furnitureExceptions: Set<String> = ["commentary", "commentator", "commentators"]

    /// Class or id words (whole words) that usually mark furniture; an element that also
    /// has a content word ("article-header", "post-meta") and holds paragraphs is kept.
    static let weakFurnitureWords: Set<String> = [
        "nav", "menu", "header", "banner", "ad", "ads", "advert", "advertisement", "adslot", "adunit",
        "dfp", "sponsor", "sponsored", "promo", "promotion", "popular", "more", "tags", "tag",
        "toolbar", "widget", "modal", "overlay", "popup", "paywall", "meta", "timestamp", "dateline-bar",
        "author", "bio", "credit", "credits", "print", "skip", "login", "donate", "follow",
        "rating", "tools", "utility", "teaser-list", "card-list", "pagination", "pager", "hidden",
    ]

    /// Class or id words that mark the article body.
    static let contentPrefixes: [String] = [
        "article", "story", "content", "body", "main", "post", "entry", "text", "prose",
    ]

    /// Whole class strings (substrings of the lower-cased class attribute) of text that is
    /// for screen readers only ("Share on Facebook", "Opens in a new window").
    static let screenReaderOnly: [String] = ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "a11y-only", "off-screen"]

    /// `<blockquote>` classes of embedded posts that are furniture rather than a statement
    /// (Instagram and TikTok embeds carry "View this post on Instagram" and the like).
    static let droppedEmbedClasses: [String] = ["instagram-media", "tiktok-embed", "reddit-card", "imgur-embed"]

    /// Block-level elements: their edges end a paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "address", "blockquote", "center", "dd", "dl", "dt",
        "details", "summary", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "ol",
        "ul", "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "body", "html",
        "header", "footer", "aside", "nav", "form", "fieldset", "noscript", "listing", "xmp",
    ]

    /// Short lines inside articles that are furniture, compared lower-cased with
    /// surrounding punctuation removed ("ADVERTISEMENT", "Story continues below").
    static let boilerplateLines: Set<String> = [
        "advertisement", "advert", "ad", "sponsored", "sponsored content", "story continues below",
        "story continues below advertisement", "article continues below", "continue reading",
        "continue reading below", "scroll to continue", "scroll to continue with content",
        "read more", "read more below", "share this article", "share", "share this", "print",
        "skip advert", "skip ad", "related", "related articles", "related stories", "more on this story",
        "listen to this article", "supported by", "photo", "video", "image", "click to enlarge",
        "enlarge this image", "toggle caption", "hide caption",
    ]

    /// Subheadings of furniture inside an article's container, compared as
    /// `HTMLExtractor.comparable` gives them (letters and digits, lower case): the heading
    /// and the short blocks or list items under it go.
    static let furnitureHeadings: Set<String> = [
        "ourstaff", "meettheteam", "ourteam", "staff", "abouttheauthor", "abouttheauthors", "contributors",
        "moreonthisstory", "morefromthisauthor", "mostread", "mostpopular", "trending", "trendingnow", "relatedstories",
        "relatedarticles", "youmayalsolike", "recommended", "recommendedforyou", "readnext", "upnext", "watchnext",
        "topstories", "latestnews", "latest", "morestories", "moreonthistopic", "popularnow", "editorspicks",
    ]

    /// Paragraph openers of in-body links to other stories ("Read more: …").
    static let crossLinkOpeners: [String] = [
        "read more", "read also", "also read", "see also", "related:", "more:", "watch:", "listen:",
        "recommended:", "read next", "more from", "sign up", "subscribe", "click here",
    ]

    /// Meta names and properties that hold the author, best first.
    static let authorMeta = ["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "twitter:creator:name"]
    /// Meta names and properties that hold the publication date, best first.
    static let dateMeta = ["article:published_time", "datepublished", "date", "pubdate", "publishdate",
                           "dc.date", "dcterms.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "og:published_time"]
    /// Class names of elements holding the publication date when there is no `<time>`.
    static let dateClassNames: Set<String> = ["posted-on", "entry-date", "post-date", "article-date", "story-date",
                                              "publish-date", "published-date", "pubdate", "date-published", "dateline-date"]
    /// Separators between a page title and the site name ("Title | Site", "Title - Site").
    static let titleSeparators = [" | ", " - ", " — ", " – ", " :: ", " · ", " » ", " / ", " : "]
}

func isBlockTag(_ name: String) -> Bool { HTMLRules.blockTags.contains(name) }
