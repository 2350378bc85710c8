import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { formatShortDate, formatTime } from "@/lib/format";
import type { RegistrationDetail } from "@/lib/registrations/admin-queries";
import { Flag } from "./registrations-table";

type Props = { checkIns: RegistrationDetail["checkIns"]; name: string; locale: Locale };

// Every row of the append-only check-in log for one person. A second check-in from another device and a
// scan that reached the server late are the door's own flags (lib/checkin/mutations.ts): shown, never hidden.
export async function CheckInHistory({ checkIns, name, locale }: Props) {
  const t = await getTranslations("registrationsAdmin.detail");
  const tPlace = await getTranslations("attendance.history");
  if (checkIns.length === 0) return <p>{t("noCheckIns")}</p>;
  const at = (date: Date) => `${formatShortDate(date, locale)} ${formatTime(date, locale)}`;
  return (
    <div role="region" aria-label={t("checkInsCaption", { name })} tabIndex={0} className="overflow-x-auto">
      <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
        <caption className="sr-only">{t("checkInsCaption", { name })}</caption>
        <thead>
          <tr className="border-b-2 border-petrol-200 text-muted">
            <th scope="col" className="py-2 pr-3 font-semibold">{t("when")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("what")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("who")}</th>
            <th scope="col" className="py-2 font-semibold">{t("flags")}</th>
          </tr>
        </thead>
        <tbody>
          {checkIns.map((checkIn) => (
            <tr key={checkIn.id} className="border-b border-line align-top last:border-b-0">
              <td className="py-2 pr-3 tabular-nums">{at(checkIn.scannedAt)}</td>
              <td className="py-2 pr-3">
                <span className="font-semibold">{t(`actions.${checkIn.action}`)}</span>
                <span className="block text-muted">{t(`methods.${checkIn.method}`)}</span>
                <span className="block text-muted">{checkIn.session ? tPlace("room", { title: checkIn.session.title }) : tPlace("door")}</span>
              </td>
              <td className="py-2 pr-3">
                <span className="block">{checkIn.host?.name ?? checkIn.host?.email ?? t("unknownHost")}</span>
                <span className="block break-all text-muted">
                  {t("device")}: {checkIn.deviceId}
                </span>
              </td>
              <td className="py-2">
                <span className="flex flex-col items-start gap-1">
                  {checkIn.duplicate && <Flag>{t("duplicate")}</Flag>}
                  {checkIn.lateUpload && <Flag>{t("late", { time: at(checkIn.receivedAt) })}</Flag>}
                  {checkIn.outsideChoice && <Flag>{tPlace("outsideChoice")}</Flag>}
                  {checkIn.undoneBy && <span className="text-muted">{t("undone")}</span>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
