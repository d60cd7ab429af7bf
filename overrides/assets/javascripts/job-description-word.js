/* Job description page: "Download your version (Word)".
 *
 * Makes, in the browser, the hub's Word job description with the placeholders the reader
 * filled in on the form replaced by their text. Nothing is sent anywhere: the page fetches
 * the hub's own .docx and its placeholder map (both on this site) when it loads, so the
 * button works offline afterwards.
 *
 * How: a .docx is a zip. The build writes each placeholder as a run of its own between
 * bookmarks naming its field (jd_employer_1, ...) and publishes a JSON map of them next to
 * the document (macros/jobdesc/placeholders.py). Here the zip is read, word/document.xml is
 * inflated with the browser's DecompressionStream("deflate-raw"), each filled placeholder's
 * run is replaced by a plain run holding the reader's text (XML-escaped), the part is
 * deflated again with CompressionStream and the zip is written back (local headers,
 * central directory, CRC-32). Every other part is copied byte for byte. No library: the
 * browser's own streams do the compression, and the zip container is a few dozen lines.
 *
 * The button shows only when the browser has those streams. The page loads this file on
 * the job description page alone; tests/unit/test_jobdesc_placeholders.py runs its pure
 * functions in Node.
 */
(function () {
  "use strict";

  var WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /* --- CRC-32 (the zip polynomial) ---------------------------------------------------- */
  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) {
      crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
  }

  /* --- Text for the XML ------------------------------------------------------------- */

  /* The reader's text as XML character data: markup characters escaped, whitespace
   * collapsed (as on the page), and characters XML 1.0 cannot hold (control characters,
   * unpaired surrogates) removed, so Word never finds the file unreadable. */
  function xmlText(value) {
    return String(value)
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDFFF]/gu, "") /* with the u flag, only unpaired halves match */
      .replace(/\s+/g, " ")
      .trim()
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;");
  }

  function unescapeXml(text) {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, function (all, name) {
      var named = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" };
      if (named[name]) {
        return named[name];
      }
      var code = name.charAt(1) === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Replace each filled field's placeholder runs in word/document.xml. `values` maps a
   * field name to the reader's text; empty or missing fields keep their highlighted
   * placeholder. Throws if a bookmark or its placeholder is not where the map says: the
   * document and the map then come from different builds. */
  function fillDocumentXml(xml, map, values) {
    Object.keys(map.fields).forEach(function (name) {
      var text = xmlText(values[name] || "");
      if (!text) {
        return;
      }
      var field = map.fields[name];
      field.bookmarks.forEach(function (bookmark) {
        var pattern = new RegExp(
          "(<w:bookmarkStart w:id=\"(\\d+)\" w:name=\"" + escapeRegExp(bookmark) + "\"/>)" +
          "<w:r>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t(?: xml:space=\"preserve\")?>([^<]*)</w:t></w:r>" +
          "(<w:bookmarkEnd w:id=\"\\2\"/>)"
        );
        var match = pattern.exec(xml);
        if (!match || unescapeXml(match[3]) !== field.placeholder) {
          throw new Error("The placeholder " + bookmark + " is not in the Word document");
        }
        var run = "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
        xml = xml.slice(0, match.index) + match[1] + run + match[4] + xml.slice(match.index + match[0].length);
      });
    });
    return xml;
  }

  /* The employer's note ("Text in [square brackets] is for the employer to fill in or
   * check") sits in a paragraph holding this bookmark (macros/jobdesc/placeholders.py). */
  var NOTE_BOOKMARK = "jd_note_for_employer";

  /* True when the reader filled every placeholder: the copy for applicants then needs no note. */
  function everyFieldFilled(map, values) {
    return Object.keys(map.fields).every(function (name) { return xmlText(values[name] || "") !== ""; });
  }

  /* word/document.xml without the paragraph holding the employer's note. */
  function withoutEmployerNote(xml) {
    var mark = xml.indexOf("w:name=\"" + NOTE_BOOKMARK + "\"");
    if (mark < 0) {
      return xml;
    }
    var start = Math.max(xml.lastIndexOf("<w:p>", mark), xml.lastIndexOf("<w:p ", mark));
    var end = xml.indexOf("</w:p>", mark);
    if (start < 0 || end < 0) {
      throw new Error("The employer's note is not in a paragraph");
    }
    return xml.slice(0, start) + xml.slice(end + "</w:p>".length);
  }

  /* A page header's text (the job title) headed by the employer: "Severn Vale PCN: ...". */
  function headerWithEmployer(xml, employer) {
    return xml.replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/, function (all, open, text, close) {
      return "<w:t xml:space=\"preserve\">" + xmlText(employer) + ": " + text + close;
    });
  }

  /* docProps/core.xml naming the employer: the title ends with it, and it is the author. */
  function coreWithEmployer(xml, employer) {
    var name = xmlText(employer);
    return xml
      .replace(/(<dc:title>)([^<]*)(<\/dc:title>)/, function (all, open, text, close) { return open + text + ", " + name + close; })
      .replace(/(<dc:creator>)[^<]*(<\/dc:creator>)/, "$1" + name.replace(/\$/g, "$$$$") + "$2")
      .replace(/(<cp:lastModifiedBy>)[^<]*(<\/cp:lastModifiedBy>)/, "$1" + name.replace(/\$/g, "$$$$") + "$2");
  }

  /* A safe file name from the employer: "Severn Vale PCN" gives
   * severn-vale-pcn-job-description.docx; accents are dropped (Ŵ gives w). */
  function fileName(employer) {
    var words = String(employer || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    words = (words || "primary-care-ot").slice(0, 60).replace(/-+$/, "");
    return words + "-job-description.docx";
  }

  /* --- The zip container ------------------------------------------------------------ */

  function readZip(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var end = -1;
    for (var i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new Error("Not a zip file");
    }
    var count = view.getUint16(end + 10, true);
    var at = view.getUint32(end + 16, true);
    var entries = [];
    for (var e = 0; e < count; e++) {
      if (view.getUint32(at, true) !== 0x02014b50) {
        throw new Error("Broken zip directory");
      }
      var nameLength = view.getUint16(at + 28, true);
      var extraLength = view.getUint16(at + 30, true);
      var commentLength = view.getUint16(at + 32, true);
      var entry = {
        madeBy: view.getUint16(at + 4, true),
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        time: view.getUint16(at + 12, true),
        date: view.getUint16(at + 14, true),
        crc: view.getUint32(at + 16, true),
        size: view.getUint32(at + 24, true),
        internal: view.getUint16(at + 36, true),
        external: view.getUint32(at + 38, true),
        nameBytes: bytes.slice(at + 46, at + 46 + nameLength)
      };
      entry.name = new TextDecoder().decode(entry.nameBytes);
      var local = view.getUint32(at + 42, true);
      var compressedSize = view.getUint32(at + 20, true);
      if (view.getUint32(local, true) !== 0x04034b50 || entry.flags & 1) {
        throw new Error("Unsupported zip entry " + entry.name);
      }
      var start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      entry.data = bytes.slice(start, start + compressedSize);
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  function writeZip(entries) {
    var parts = [];
    var directory = [];
    var offset = 0;
    entries.forEach(function (entry) {
      var flags = entry.flags & 0x0800; /* keep "UTF-8 name"; sizes are in the header */
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, flags, true);
      local.setUint16(8, entry.method, true);
      local.setUint16(10, entry.time, true);
      local.setUint16(12, entry.date, true);
      local.setUint32(14, entry.crc, true);
      local.setUint32(18, entry.data.length, true);
      local.setUint32(22, entry.size, true);
      local.setUint16(26, entry.nameBytes.length, true);
      local.setUint16(28, 0, true);
      var central = new DataView(new ArrayBuffer(46));
      central.setUint32(0, 0x02014b50, true);
      central.setUint16(4, entry.madeBy, true);
      central.setUint16(6, 20, true);
      central.setUint16(8, flags, true);
      central.setUint16(10, entry.method, true);
      central.setUint16(12, entry.time, true);
      central.setUint16(14, entry.date, true);
      central.setUint32(16, entry.crc, true);
      central.setUint32(20, entry.data.length, true);
      central.setUint32(24, entry.size, true);
      central.setUint16(28, entry.nameBytes.length, true);
      central.setUint16(36, entry.internal, true);
      central.setUint32(38, entry.external, true);
      central.setUint32(42, offset, true);
      parts.push(new Uint8Array(local.buffer), entry.nameBytes, entry.data);
      directory.push(new Uint8Array(central.buffer), entry.nameBytes);
      offset += 30 + entry.nameBytes.length + entry.data.length;
    });
    var directorySize = directory.reduce(function (sum, part) { return sum + part.length; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, entries.length, true);
    end.setUint16(10, entries.length, true);
    end.setUint32(12, directorySize, true);
    end.setUint32(16, offset, true);
    var all = parts.concat(directory, [new Uint8Array(end.buffer)]);
    var output = new Uint8Array(offset + directorySize + 22);
    var at = 0;
    all.forEach(function (part) {
      output.set(part, at);
      at += part.length;
    });
    return output;
  }

  function throughStream(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  /* Inflate a zip entry's XML, change it with `change`, and deflate it back into the entry. */
  function rewritePart(part, change) {
    return throughStream(part.data, new DecompressionStream("deflate-raw")).then(function (inflated) {
      if (crc32(inflated) !== part.crc) {
        throw new Error("The Word document is damaged");
      }
      var filled = new TextEncoder().encode(change(new TextDecoder().decode(inflated)));
      return throughStream(filled, new CompressionStream("deflate-raw")).then(function (deflated) {
        part.crc = crc32(filled);
        part.size = filled.length;
        part.data = deflated;
      });
    });
  }

  /* The filled-in .docx, as bytes: `docx` the hub's document, `map` its placeholder map.
   * With every placeholder filled, the employer's note goes; with the employer filled in,
   * each page's header and the file's title and author name the employer. */
  function fillDocx(docx, map, values) {
    var entries = readZip(docx);
    var part = entries.filter(function (entry) { return entry.name === map.part; })[0];
    if (!part || part.method !== 8) {
      return Promise.reject(new Error("No " + map.part + " in the Word document"));
    }
    var employer = xmlText(values.employer || "") ? values.employer : "";
    var changes = [rewritePart(part, function (xml) {
      xml = fillDocumentXml(xml, map, values);
      return everyFieldFilled(map, values) ? withoutEmployerNote(xml) : xml;
    })];
    if (employer) {
      entries.forEach(function (entry) {
        if (entry.method !== 8) {
          return;
        }
        if (/^word\/header\d+\.xml$/.test(entry.name)) {
          changes.push(rewritePart(entry, function (xml) { return headerWithEmployer(xml, employer); }));
        } else if (entry.name === "docProps/core.xml") {
          changes.push(rewritePart(entry, function (xml) { return coreWithEmployer(xml, employer); }));
        }
      });
    }
    return Promise.all(changes).then(function () { return writeZip(entries); });
  }

  var api = {
    crc32: crc32,
    xmlText: xmlText,
    unescapeXml: unescapeXml,
    fillDocumentXml: fillDocumentXml,
    withoutEmployerNote: withoutEmployerNote,
    headerWithEmployer: headerWithEmployer,
    coreWithEmployer: coreWithEmployer,
    fileName: fileName,
    readZip: readZip,
    writeZip: writeZip,
    fillDocx: fillDocx
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  /* --- The button ------------------------------------------------------------------- */

  function browserCanMakeIt() {
    try {
      new CompressionStream("deflate-raw");
      new DecompressionStream("deflate-raw");
      return typeof fetch === "function" && typeof URL.createObjectURL === "function" &&
        "download" in document.createElement("a") && typeof TextEncoder === "function";
    } catch (error) {
      return false;
    }
  }

  function fetchOk(address, read) {
    return fetch(address, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(address + ": " + response.status);
      }
      return read(response);
    });
  }

  /* The map, then the document it names (a file beside the map, on this site). */
  function loadSources(mapAddress) {
    return fetchOk(mapAddress, function (response) { return response.json(); }).then(function (map) {
      var documentAddress = new URL(map.document, new URL(mapAddress, window.location.href));
      if (documentAddress.origin !== window.location.origin) {
        throw new Error("The Word document must be on this site");
      }
      return fetchOk(documentAddress.href, function (response) { return response.arrayBuffer(); }).then(function (buffer) {
        return { map: map, docx: new Uint8Array(buffer) };
      });
    });
  }

  /* What the page shows for each field the reader filled: the page's own script has
   * already tidied it (a closing date reads 31 January 2027). */
  function filledValues(names) {
    var values = {};
    names.forEach(function (name) {
      var span = document.querySelector('.jd-document .jd-field--filled[data-field="' + name + '"]');
      if (span) {
        values[name] = span.textContent;
      }
    });
    return values;
  }

  function offer(bytes, name) {
    var address = URL.createObjectURL(new Blob([bytes], { type: WORD_TYPE }));
    var link = document.createElement("a");
    link.href = address;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(address); }, 60000);
  }

  function init() {
    var button = document.querySelector("[data-jd-word]");
    if (!button || button.getAttribute("data-jd-word-ready") || !browserCanMakeIt()) {
      return;
    }
    button.setAttribute("data-jd-word-ready", "true");
    var status = document.querySelector("[data-jd-status]");
    var mapAddress = button.getAttribute("data-jd-word");
    var sources = loadSources(mapAddress);
    sources.catch(function () {
      sources = null; /* try again on the click */
    });
    var working = false;

    function say(message) {
      if (status) {
        status.textContent = message;
      }
    }

    button.addEventListener("click", function () {
      if (working) {
        return;
      }
      /* The page's form checks its values first (a closing date that is not real stops it). */
      var form = button.closest("form");
      if (form && !form.dispatchEvent(new CustomEvent("jd:before-download", { cancelable: true }))) {
        return;
      }
      working = true;
      say("");
      (sources || (sources = loadSources(mapAddress))).then(function (loaded) {
        var values = filledValues(Object.keys(loaded.map.fields));
        var name = fileName(values.employer);
        return fillDocx(loaded.docx, loaded.map, values).then(function (bytes) {
          offer(bytes, name);
          say("Your Word document is ready: " + name);
        });
      }).catch(function () {
        sources = null;
        say("Sorry, your Word document could not be made. Download the Word version above and fill in the highlighted text there.");
      }).then(function () {
        working = false;
      });
    });
    button.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll("[data-jd-word-note]"), function (note) {
      note.hidden = false;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
