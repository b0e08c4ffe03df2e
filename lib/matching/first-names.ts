import { latinKey } from '@/lib/names/latin-key';

// A Belarusian first name has a Russian form and an English one that are different words, not
// spellings: Аляксандр, Александр, Alexander; Сяргей, Сергей, Sergei. Reports switch between them
// ("Aliaksandr Luchynovich" in one paragraph, "Alexander Luchynovich" in the next), so a first name
// in the registry also matches the other forms of its group. Only the common names of the region.

const GROUPS: readonly string[] = [
  'Aliaksandr Alexander Aleksandr Александр',
  'Aliaksei Alexei Aleksei Alexey Aleksey Алексей',
  'Siarhei Sergei Sergey Сергей',
  'Mikalai Nikolai Nikolay Николай',
  'Uladzimir Vladimir Владимир',
  'Uladzislau Vladislav Владислав',
  'Valiantsin Valentin Валентин',
  'Dzmitry Dmitry Dmitri Дмитрий',
  'Dzianis Denis Денис',
  'Vadzim Vadim Вадим',
  'Vital Vitaly Vitali Vitaliy Виталий',
  'Viktar Viktor Victor Виктор',
  'Ihar Igor Игорь',
  'Leanid Leonid Леонид',
  'Paval Pavel Павел',
  'Ryhor Grigory Grigori Hryhor Григорий',
  'Heorhi Georgy Georgi Георгий',
  'Barys Boris Борис',
  'Yauhen Yevgeny Evgeny Евгений',
  'Yury Yuri Юрий',
  'Andrei Andrey Андрей',
  'Mikhail Mikhas Михаил',
  'Anton Антон',
  'Artsiom Artyom Artem Артём',
  'Stanislau Stanislav Станислав',
  'Kiryl Kirill Кирилл',
  'Raman Roman Роман',
  'Maksim Maxim Максим',
  'Zmitser Dzmitry',
  'Tatsiana Tatiana Tatyana Татьяна',
  'Sviatlana Svetlana Светлана',
  'Volha Olga Ольга',
  'Hanna Anna Анна',
  'Iryna Irina Ирина',
  'Natallia Natalia Natalya Наталья',
  'Larysa Larisa Лариса',
  'Maryna Marina Марина',
  'Maryia Maria Mariya Мария',
  'Nasta Anastasiya Anastasia Анастасия',
  'Katsiaryna Ekaterina Yekaterina Екатерина',
  'Yuliya Yulia Юлия',
  'Alena Elena Yelena Елена',
  'Liudmila Lyudmila Людмила',
];

const BY_KEY = new Map<string, string[]>();
for (const group of GROUPS) {
  const names = group.split(' ');
  for (const name of names) {
    const key = latinKey(name);
    BY_KEY.set(key, [...new Set([...(BY_KEY.get(key) ?? []), ...names])]);
  }
}

/** The other forms of a first name (Russian, English, Belarusian), or an empty list when it has none. */
export function firstNameForms(word: string): readonly string[] {
  return BY_KEY.get(latinKey(word)) ?? [];
}
