import { describe, expect, it } from 'vitest';
import { clipToBox, lane, laneOffset, offsetPolyline, pointAlong } from '../../src/lib/graph/lanes.ts';
import { starHub } from '../../src/lib/graph/star.ts';

describe('lanes', () => {
  it('centres lanes on the route and keeps their spread within a node box', () => {
    expect(laneOffset(0, 1)).toBe(0);
    expect([laneOffset(0, 2), laneOffset(1, 2)]).toEqual([-2.5, 2.5]);
    expect(laneOffset(0, 3) + laneOffset(2, 3)).toBe(0);
    expect(laneOffset(9, 10) - laneOffset(0, 10)).toBeLessThanOrEqual(20);
  });

  it('shifts a polyline sideways, parallel to each segment', () => {
    // Left to right in screen coordinates (y down): a positive offset moves up.
    expect(offsetPolyline([{ x: 0, y: 0 }, { x: 10, y: 0 }], 3)).toEqual([{ x: 0, y: -3 }, { x: 10, y: -3 }]);
    expect(offsetPolyline([{ x: 0, y: 0 }, { x: 0, y: 10 }], 2)).toEqual([{ x: 2, y: 0 }, { x: 2, y: 10 }]);
  });

  it('puts a shifted end back on the border of its box', () => {
    const box = { x: 0, y: 0, width: 20, height: 10 };
    // A diagonal line coming in from the upper right, stopping short of the box.
    const end = clipToBox({ x: 30, y: -10 }, { x: 14, y: -2 }, box);
    expect(end.x).toBeCloseTo(10);
    expect(end.y).toBeCloseTo(0);
    // A line that misses the box keeps its end.
    expect(clipToBox({ x: 30, y: 50 }, { x: 20, y: 50 }, box)).toEqual({ x: 20, y: 50 });
  });

  it('keeps both ends of a lane on the borders of the boxes it joins', () => {
    const from = { x: 0, y: 0, width: 40, height: 30 };
    const to = { x: 200, y: 100, width: 40, height: 30 };
    const route = [{ x: 20, y: 10 }, { x: 100, y: 50 }, { x: 180, y: 90 }];
    const shifted = lane(route, 5, from, to);
    expect(Math.abs(shifted[0].x - 20) < 0.01 || Math.abs(Math.abs(shifted[0].y) - 15) < 0.01).toBe(true);
    expect(Math.abs(shifted[2].x - 180) < 0.01 || Math.abs(Math.abs(shifted[2].y - 100) - 15) < 0.01).toBe(true);
    expect(shifted[1]).not.toEqual(route[1]);
  });

  it('finds the point a given fraction along a polyline', () => {
    const line = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }];
    expect(pointAlong(line, 0.5)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(line, 0.25)).toEqual({ x: 5, y: 0 });
    expect(pointAlong(line, 1)).toEqual({ x: 10, y: 10 });
  });
});

describe('starHub', () => {
  const e = (v: string, w: string) => ({ v, w });
  it('finds the hub of a star, whichever way its edges point', () => {
    expect(starHub(4, [e('a', 'h'), e('h', 'b'), e('c', 'h')])).toBe('h');
    expect(starHub(3, [e('h', 'a'), e('h', 'b')])).toBe('h');
  });

  it('rejects graphs that are not stars', () => {
    expect(starHub(2, [e('a', 'b')])).toBeUndefined(); // one edge: nothing to save
    expect(starHub(5, [e('a', 'h'), e('h', 'b'), e('c', 'h')])).toBeUndefined(); // an isolated node
    expect(starHub(4, [e('a', 'h'), e('h', 'b'), e('a', 'b')])).toBeUndefined(); // a triangle
    expect(starHub(3, [e('a', 'h'), e('h', 'a')])).toBeUndefined(); // a repeated pair
  });
});
