// Read .ics files with ical.js (Mozilla Thunderbird's parser) and print every event's
// UID, status, UTC start and end, sequence, location and joining link (CONFERENCE) as JSON:
// {"file": [{uid, status, start, end, sequence, location, conference, ...}]}; a property the
// event does not have is null.
// Each VTIMEZONE in a file is registered first, so times are resolved from the file's
// own time zone definitions, as Thunderbird does.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const result = {};
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  result[path] = root.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const iso = (time) => time.toJSDate().toISOString().replace(".000Z", "Z");
    const conference = vevent.getFirstProperty("conference");
    return {
      uid: event.uid,
      status: vevent.getFirstPropertyValue("status"),
      summary: event.summary,
      start: iso(event.startDate),
      end: iso(event.endDate),
      zone: event.startDate.zone ? event.startDate.zone.tzid : null,
      sequence: event.sequence,
      location: vevent.getFirstPropertyValue("location"),
      conference: conference ? conference.getFirstValue() : null,
      conferenceFeature: conference ? conference.getParameter("feature") : null,
      description: event.description,
    };
  });
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.remove(zone.getFirstPropertyValue("tzid"));
  }
}
process.stdout.write(JSON.stringify(result));
